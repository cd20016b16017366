package dev.dray.proxy;

import java.util.Objects;

/**
 * One server the proxy can send a backend's requests to: a container reached at {@code host:port}.
 *
 * @param server the server's name in its backend (the container's name)
 * @param address where it listens, {@code host:port}
 */
public record Upstream(String server, String address) {

  public Upstream {
    Names.require("server name", server);
    Objects.requireNonNull(address, "address");
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || address.chars().anyMatch(c -> c <= ' ' || c == ';')) {
      throw new IllegalArgumentException(
          "server address must be host:port, got: '" + address + "'");
    }
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "server address must be host:port, got: '" + address + "'");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("server port must be 1 to 65535, got: '" + address + "'");
    }
  }
}
