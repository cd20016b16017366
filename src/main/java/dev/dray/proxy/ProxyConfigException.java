package dev.dray.proxy;

/** HAProxy rejected the config dray wrote, or the proxy's settings cannot work. */
public final class ProxyConfigException extends ProxyException {
  private static final long serialVersionUID = 1L;

  private final String details;

  public ProxyConfigException(String message, String details, String hint) {
    super(details.isBlank() ? message : message + ":\n" + details.strip(), hint);
    this.details = details;
  }

  /** What HAProxy said, when it said something. */
  public String details() {
    return details;
  }
}
