package dev.dray.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** Finds out whether a public port is free by binding it for a moment. */
final class PortProbe {
  private PortProbe() {}

  /**
   * Throws when another process listens on {@code route}'s address and port.
   *
   * @throws ProxyPortInUseException naming the port
   */
  static void requireFree(Route route) {
    InetAddress address;
    try {
      address = InetAddress.getByName(route.bind());
    } catch (UnknownHostException e) {
      throw new ProxyConfigException(
          "the proxy's bind address " + route.bind() + " is not an address of this host",
          "",
          "set proxy.bind in dray.yml to an address such as 0.0.0.0 or 127.0.0.1");
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, route.publicPort()));
    } catch (IOException e) {
      String why = String.valueOf(e.getMessage());
      if (why.contains("in use")) {
        throw new ProxyPortInUseException(route.bind(), route.publicPort());
      }
      throw new ProxyConfigException(
          "the edge proxy cannot listen on " + route.listenAddress(),
          why,
          "a port below 1024 needs root (or CAP_NET_BIND_SERVICE); check proxy.bind and the port"
              + " in dray.yml");
    }
  }
}
