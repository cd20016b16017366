package dev.dray.cli;

import dev.dray.proxy.ServerState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code dray status} shows of one app, read from this host or from dray server: per service
 * its running containers, and the edge proxy.
 *
 * @param origin where it was read, such as {@code 3 container(s) on local} or {@code from server
 *     http://127.0.0.1:7070/}
 * @param services each service of dray.yml, in file order
 */
record StatusView(String app, String origin, List<Service> services, Proxy proxy) {
  StatusView {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(origin, "origin");
    services = List.copyOf(services);
    Objects.requireNonNull(proxy, "proxy");
  }

  /** Whether any service has a running container. */
  boolean anyRunning() {
    return services.stream().anyMatch(s -> !s.running().isEmpty());
  }

  /** One service and its running containers; none: not running. */
  record Service(String name, List<Container> running) {
    Service {
      Objects.requireNonNull(name, "name");
      running = List.copyOf(running);
    }
  }

  /**
   * One running container.
   *
   * @param version its {@code dray.version} label, {@code ?} when it has none
   * @param image the image it runs, such as {@code repo@sha256:…}
   * @param health {@code healthy}, {@code unhealthy}, {@code starting}, or {@code -} without a
   *     check
   * @param name the container's name, when known (the server does not say)
   * @param logs its recent log lines, when asked for
   */
  record Container(
      String version,
      String image,
      Optional<Instant> startedAt,
      String health,
      int restarts,
      Optional<String> name,
      List<String> logs) {
    Container {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(health, "health");
      Objects.requireNonNull(name, "name");
      logs = List.copyOf(logs);
    }
  }

  /** The edge proxy: whether it runs and, when known, the servers of each web backend. */
  record Proxy(boolean running, List<Backend> servers) {
    Proxy {
      servers = List.copyOf(servers);
    }
  }

  /** One server of a proxy backend as haproxy reports it. */
  record Backend(String backend, ServerState server) {}
}
