package dev.dray.engine;

/** The engine answered a request with an unexpected status or an unreadable body. */
public final class EngineApiException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final int status;

  public EngineApiException(String operation, int status, String detail) {
    this(operation, status, detail, null);
  }

  public EngineApiException(String operation, int status, String detail, Throwable cause) {
    super(
        operation + " failed" + (status > 0 ? " with HTTP " + status : "") + ": " + detail,
        "check that dockerd is healthy (docker info) and retry",
        cause);
    this.operation = operation;
    this.status = status;
  }

  /** What dray asked the engine to do, such as {@code GET /info}. */
  public String operation() {
    return operation;
  }

  /** The HTTP status, or 0 when the connection failed before one arrived. */
  public int status() {
    return status;
  }
}
