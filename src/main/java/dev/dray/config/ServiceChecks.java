package dev.dray.config;

import dev.dray.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks what spans services, wherever they were read from: {@code depends_on} naming known
 * services without a cycle, and one public port per web service, none used twice. Gives each web
 * service its public port.
 */
final class ServiceChecks {
  private ServiceChecks() {}

  /**
   * Checks {@code entries} (the services that read without problems; {@code names} holds every
   * service name written, also of those that did not), recording problems at the nodes involved.
   *
   * @return the services with each web service's public port set: its own, or {@code proxy.port}
   *     for the first web service without one
   */
  static List<ServiceConfig> check(
      List<ServiceEntry> entries, List<String> names, ProxyConfig proxy) {
    knownDependencies(entries, names);
    noCycles(entries);
    return publicPorts(entries, proxy);
  }

  private static void knownDependencies(List<ServiceEntry> entries, List<String> names) {
    for (ServiceEntry entry : entries) {
      entry
          .dependencies()
          .forEach(
              (dependency, node) -> {
                if (!names.contains(dependency)) {
                  node.keyProblem(unknownService(dependency, names));
                }
              });
    }
  }

  /** Says a service name is unknown, with the closest known name or all of them. */
  static String unknownService(String name, List<String> names) {
    Optional<String> closest = Suggestions.closest(name, names);
    if (closest.isPresent()) {
      return "unknown service '" + name + "'; did you mean '" + closest.get() + "'?";
    }
    return names.isEmpty()
        ? "unknown service '" + name + "'; no services are defined"
        : "unknown service '" + name + "'; services are " + String.join(", ", names);
  }

  private static void noCycles(List<ServiceEntry> entries) {
    Map<String, ServiceEntry> byName = new HashMap<>();
    entries.forEach(e -> byName.put(e.name(), e));
    Map<String, Boolean> done = new HashMap<>(); // false: on the current path, true: finished
    for (ServiceEntry entry : entries) {
      visit(entry, byName, done, new ArrayList<>());
    }
  }

  private static void visit(
      ServiceEntry entry,
      Map<String, ServiceEntry> byName,
      Map<String, Boolean> done,
      List<String> path) {
    if (done.containsKey(entry.name())) {
      return;
    }
    done.put(entry.name(), false);
    path.add(entry.name());
    for (Map.Entry<String, ConfigNode> dependency : entry.dependencies().entrySet()) {
      ServiceEntry next = byName.get(dependency.getKey());
      if (next == null) {
        continue;
      }
      if (Boolean.FALSE.equals(done.get(next.name()))) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(next.name()), path.size()));
        cycle.add(next.name());
        dependency
            .getValue()
            .keyProblem(
                "depends_on forms a cycle: "
                    + String.join(" → ", cycle)
                    + "; services must start in some order");
      } else {
        visit(next, byName, done, path);
      }
    }
    path.remove(path.size() - 1);
    done.put(entry.name(), true);
  }

  private static List<ServiceConfig> publicPorts(List<ServiceEntry> entries, ProxyConfig proxy) {
    List<ServiceConfig> services = new ArrayList<>();
    Map<Integer, ServiceEntry> used = new HashMap<>();
    Optional<ServiceEntry> proxyPortTaker = Optional.empty();
    for (ServiceEntry entry : entries) {
      ServiceConfig service = entry.config();
      if (service.role() != Role.WEB) {
        services.add(service);
        continue;
      }
      int port;
      if (service.publicPort().isPresent()) {
        port = service.publicPort().get();
      } else if (proxyPortTaker.isEmpty()) {
        port = proxy.port();
        proxyPortTaker = Optional.of(entry);
      } else {
        entry
            .node()
            .keyProblem(
                "a second web service needs its own public port (public_port, or a published"
                    + " port in Compose): proxy.port "
                    + proxy.port()
                    + " already goes to '"
                    + proxyPortTaker.get().name()
                    + "'");
        services.add(service);
        continue;
      }
      ServiceEntry first = used.putIfAbsent(port, entry);
      if (first != null) {
        String firstAt =
            first.config().publicPort().isPresent()
                ? first.publicPort().where()
                : first.node().where() + ", from proxy.port";
        String message =
            "public port " + port + " is already used by '" + first.name() + "' (" + firstAt + ")";
        if (service.publicPort().isPresent()) {
          entry.publicPort().problem(message);
        } else {
          entry.node().keyProblem(message);
        }
      }
      services.add(service.withPublicPort(port));
    }
    return services;
  }
}
