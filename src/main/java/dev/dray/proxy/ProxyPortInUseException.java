package dev.dray.proxy;

/** A public port the proxy must listen on is held by another process. */
public final class ProxyPortInUseException extends ProxyException {
  private static final long serialVersionUID = 1L;

  private final String bind;
  private final int port;

  public ProxyPortInUseException(String bind, int port) {
    super(
        "port "
            + port
            + " on "
            + bind
            + " is already in use, so the edge proxy cannot listen on it",
        "stop what listens there (`ss -ltnp 'sport = :"
            + port
            + "'`) or choose another port: proxy.port or services.<name>.public_port in dray.yml");
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
