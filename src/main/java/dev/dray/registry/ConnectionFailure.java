package dev.dray.registry;

import java.io.IOException;
import java.net.URI;

/** An I/O failure talking to one URL, remembering which URL it was. */
final class ConnectionFailure extends IOException {
  private static final long serialVersionUID = 1L;

  private final URI uri;

  ConnectionFailure(URI uri, IOException cause) {
    super(describe(cause), cause);
    this.uri = uri;
  }

  URI uri() {
    return uri;
  }

  /** The cause chain as short text, e.g. {@code ConnectException: Connection refused}. */
  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null && text.length() < 300; t = t.getCause()) {
      if (t instanceof ConnectionFailure) {
        continue;
      }
      if (!text.isEmpty()) {
        text.append(": ");
      }
      text.append(t.getClass().getSimpleName());
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        text.append(" (").append(t.getMessage()).append(')');
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return text.toString();
  }
}
