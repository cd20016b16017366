package dev.dray.server;

/** The server could not listen on its address, usually because the port is taken. */
public final class ServerStartException extends ServerException {
  private static final long serialVersionUID = 1L;

  private final String bind;
  private final int port;

  ServerStartException(String bind, int port, Throwable cause) {
    super(
        "dray server could not listen on "
            + bind
            + ":"
            + port
            + ": "
            + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()),
        "another process may use port "
            + port
            + " (see 'ss -ltnp'); pick another with --port, or stop the other process",
        cause);
    this.bind = bind;
    this.port = port;
  }

  public String bind() {
    return bind;
  }

  public int port() {
    return port;
  }
}
