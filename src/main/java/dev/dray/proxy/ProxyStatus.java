package dev.dray.proxy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A snapshot of the edge proxy: whether it runs, its routes and the state of every server.
 *
 * @param running whether an haproxy answers on the admin socket
 * @param pid the running haproxy's process id
 * @param configFile the config file it runs from, which also holds the servers it serves
 * @param routes the routes in the config file
 * @param servers per backend, its servers: live when running; when not, the servers the config file
 *     would serve, with oper state {@code UNKNOWN}
 */
public record ProxyStatus(
    boolean running,
    OptionalLong pid,
    Path configFile,
    List<Route> routes,
    Map<String, List<ServerState>> servers) {

  public ProxyStatus {
    routes = List.copyOf(routes);
    servers = Map.copyOf(servers);
  }
}
