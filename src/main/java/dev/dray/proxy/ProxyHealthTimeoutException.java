package dev.dray.proxy;

import java.time.Duration;

/** A new server's health checks did not pass in time; carries the last check's result. */
public final class ProxyHealthTimeoutException extends ProxyException {
  private static final long serialVersionUID = 1L;

  private final String backend;
  private final String server;
  private final String lastStatus;

  public ProxyHealthTimeoutException(
      String backend, String server, String lastStatus, Duration waited) {
    super(
        "server "
            + server
            + " of "
            + backend
            + " did not pass the proxy's health checks within "
            + waited.toMillis()
            + " ms; last check: "
            + lastStatus,
        "check that the container listens on the port the proxy sends to and that its health path"
            + " answers 2xx or 3xx (see the container's logs); raise proxy.health_timeout if it"
            + " needs longer to start");
    this.backend = backend;
    this.server = server;
    this.lastStatus = lastStatus;
  }

  public String backend() {
    return backend;
  }

  public String server() {
    return server;
  }

  /**
   * The last check's result as HAProxy reports it, e.g. {@code L7STS 503 (Layer7 wrong status)}.
   */
  public String lastStatus() {
    return lastStatus;
  }
}
