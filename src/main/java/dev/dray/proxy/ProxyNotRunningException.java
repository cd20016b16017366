package dev.dray.proxy;

import java.nio.file.Path;

/** No haproxy answers on the admin socket, so the runtime state cannot be read or changed. */
public final class ProxyNotRunningException extends ProxyException {
  private static final long serialVersionUID = 1L;

  private final transient Path socket;

  public ProxyNotRunningException(Path socket, String reason) {
    super(
        "the edge proxy is not running: no haproxy answers on " + socket + " (" + reason + ")",
        "the next `dray deploy` starts it from the config file beside the socket; if an haproxy"
            + " process still runs, its output is in haproxy.out there");
    this.socket = socket;
  }

  public Path socket() {
    return socket;
  }
}
