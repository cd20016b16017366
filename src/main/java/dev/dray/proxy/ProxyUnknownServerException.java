package dev.dray.proxy;

/** A backend has no server of that name in the running proxy. */
public final class ProxyUnknownServerException extends ProxyException {
  private static final long serialVersionUID = 1L;

  private final String backend;
  private final String server;

  public ProxyUnknownServerException(String backend, String server) {
    super(
        "the edge proxy's backend " + backend + " has no server " + server,
        "a proxy restarted since the server was added knows only the servers in its config file;"
            + " run the deploy again to add it anew");
    this.backend = backend;
    this.server = server;
  }

  public String backend() {
    return backend;
  }

  public String server() {
    return server;
  }
}
