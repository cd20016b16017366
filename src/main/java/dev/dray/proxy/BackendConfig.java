package dev.dray.proxy;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One route of the proxy config with the servers written under its backend (those in rotation). */
record BackendConfig(Route route, List<Upstream> servers) {

  BackendConfig {
    Objects.requireNonNull(route, "route");
    servers = List.copyOf(servers);
    Set<String> names = new HashSet<>();
    for (Upstream server : servers) {
      if (!names.add(server.server())) {
        throw new IllegalArgumentException(
            "backend " + route.backend() + " lists server " + server.server() + " twice");
      }
    }
  }

  String name() {
    return route.backend();
  }
}
