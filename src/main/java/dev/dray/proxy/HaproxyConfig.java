package dev.dray.proxy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The edge proxy's haproxy config as data: the admin socket and pid file, and per route a frontend
 * and a backend with the servers in rotation. {@link #render()} writes it as haproxy's text.
 */
record HaproxyConfig(
    Path socket,
    Path pidFile,
    int maxConn,
    ServerOptions serverOptions,
    List<BackendConfig> backends) {
  static final int MAX_CONN = 4096;

  HaproxyConfig {
    Objects.requireNonNull(socket, "socket");
    Objects.requireNonNull(pidFile, "pidFile");
    Objects.requireNonNull(serverOptions, "serverOptions");
    backends = List.copyOf(backends);
    Map<String, String> seenBackends = new HashMap<>();
    Map<Integer, String> seenPorts = new HashMap<>();
    for (BackendConfig backend : backends) {
      if (seenBackends.put(backend.name(), backend.name()) != null) {
        throw new IllegalArgumentException("two routes use the backend " + backend.name());
      }
      String other = seenPorts.put(backend.route().publicPort(), backend.name());
      if (other != null) {
        throw new IllegalArgumentException(
            "routes "
                + other
                + " and "
                + backend.name()
                + " both use public port "
                + backend.route().publicPort());
      }
    }
  }

  /** A config for {@code routes}, each backend with its servers from {@code servers} (or none). */
  static HaproxyConfig of(
      ProxySettings settings, List<Route> routes, Map<String, List<Upstream>> servers) {
    List<BackendConfig> backends = new ArrayList<>();
    for (Route route : routes) {
      backends.add(new BackendConfig(route, servers.getOrDefault(route.backend(), List.of())));
    }
    return new HaproxyConfig(
        settings.socketFile(),
        settings.pidFile(),
        MAX_CONN,
        new ServerOptions(settings.checkInterval()),
        backends);
  }

  List<Route> routes() {
    return backends.stream().map(BackendConfig::route).toList();
  }

  /** Per backend, the servers written under it. */
  Map<String, List<Upstream>> servers() {
    Map<String, List<Upstream>> servers = new HashMap<>();
    backends.forEach(b -> servers.put(b.name(), b.servers()));
    return servers;
  }

  Optional<BackendConfig> backend(String name) {
    return backends.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /** This config with {@code backend}'s servers replaced by {@code servers}. */
  HaproxyConfig withServers(String backend, List<Upstream> servers) {
    if (backend(backend).isEmpty()) {
      throw new IllegalArgumentException("the proxy config has no backend " + backend);
    }
    List<BackendConfig> updated =
        backends.stream()
            .map(b -> b.name().equals(backend) ? new BackendConfig(b.route(), servers) : b)
            .toList();
    return new HaproxyConfig(socket, pidFile, maxConn, serverOptions, updated);
  }

  /** haproxy's config text. */
  String render() {
    StringBuilder out = new StringBuilder();
    out.append("# dray's edge proxy. dray rewrites this file on every change; edits are lost.\n");
    out.append("global\n");
    line(out, "stats socket " + socket + " mode 600 level admin expose-fd listeners");
    line(out, "pidfile " + pidFile);
    line(out, "maxconn " + maxConn);
    out.append("\ndefaults\n");
    line(out, "mode http");
    line(out, "timeout connect 5s");
    line(out, "timeout client 60s");
    line(out, "timeout server 60s");
    // without it a check must answer within `inter` (250ms): a slower health path never passes
    line(out, "timeout check 2s");
    line(out, "http-reuse safe");
    for (BackendConfig backend : backends) {
      Route route = backend.route();
      out.append("\nfrontend ").append(frontendName(route)).append('\n');
      line(out, "bind " + route.listenAddress());
      line(out, "default_backend " + route.backend());
      out.append("\nbackend ").append(route.backend()).append('\n');
      line(out, "balance roundrobin");
      route.healthPath().ifPresent(path -> line(out, "option httpchk GET " + path));
      for (Upstream server : backend.servers()) {
        line(out, "server " + serverOptions.serverArguments(server));
      }
    }
    return out.toString();
  }

  static String frontendName(Route route) {
    return "fe_" + route.backend();
  }

  private static void line(StringBuilder out, String text) {
    out.append("    ").append(text).append('\n');
  }
}
