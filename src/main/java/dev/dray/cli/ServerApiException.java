package dev.dray.cli;

import dev.dray.DrayException;
import java.util.Optional;

/**
 * A request to dray server's API failed: the server could not be reached, refused the token, does
 * not know what was asked for, or answered something that is not its API.
 */
final class ServerApiException extends DrayException {
  private static final long serialVersionUID = 1L;

  /** Why the request failed. */
  enum Reason {
    /** No HTTP answer: connection refused, unknown host, timeout. */
    UNREACHABLE,
    /** 401: the token in DRAY_SERVER_TOKEN is not the server's. */
    TOKEN_REFUSED,
    /** 404: no such app or deploy on that server. */
    NOT_FOUND,
    /** Another status, or a body that is not the API's JSON. */
    FAILED
  }

  private final Reason reason;
  private final String server;
  private final int status;

  ServerApiException(
      Reason reason, String server, int status, String message, String hint, Throwable cause) {
    super(message, hint, cause);
    this.reason = reason;
    this.server = server;
    this.status = status;
  }

  Reason reason() {
    return reason;
  }

  /** The server's base URL. */
  String server() {
    return server;
  }

  /** The HTTP status answered; empty when none came. */
  Optional<Integer> status() {
    return status == 0 ? Optional.empty() : Optional.of(status);
  }
}
