package dev.dray.cli;

import dev.dray.config.DrayConfig;
import dev.dray.config.Role;
import dev.dray.config.ServiceConfig;
import dev.dray.deploy.ContainerNames;
import dev.dray.engine.ContainerDetails;
import dev.dray.engine.ContainerSummary;
import dev.dray.engine.DockerEngine;
import dev.dray.proxy.EdgeProxy;
import dev.dray.proxy.ServerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@link StatusView} of an app from this host: its containers from the Docker engine (with
 * recent log lines when asked) and the servers of its edge proxy.
 */
final class LocalStatus {
  private final DockerEngine engine;
  private final EdgeProxy proxy;

  LocalStatus(DockerEngine engine, EdgeProxy proxy) {
    this.engine = engine;
    this.proxy = proxy;
  }

  /** What runs of {@code config}'s app; {@code logs} recent lines per container when given. */
  StatusView read(DrayConfig config, Optional<Integer> logs) {
    String app = config.service();
    List<ContainerSummary> all = engine.listContainers(Map.of(ContainerNames.APP, app), true);
    List<StatusView.Service> services = new ArrayList<>();
    for (ServiceConfig s : config.deploy().services()) {
      List<StatusView.Container> running = new ArrayList<>();
      for (ContainerSummary c : all) {
        if (s.name().equals(c.labels().get(ContainerNames.SERVICE))
            && "running".equals(c.state())) {
          engine.inspectContainer(c.id()).ifPresent(d -> running.add(container(c, d, logs)));
        }
      }
      services.add(new StatusView.Service(s.name(), running));
    }
    return new StatusView(app, all.size() + " container(s) on local", services, proxy(config));
  }

  private StatusView.Container container(
      ContainerSummary c, ContainerDetails d, Optional<Integer> logs) {
    return new StatusView.Container(
        c.labels().getOrDefault(ContainerNames.VERSION, "?"),
        d.image(),
        d.startedAt(),
        d.health().orElse("-"),
        d.restartCount(),
        Optional.of(d.name()),
        logs.map(n -> engine.containerLogs(c.id(), n)).orElse(List.of()));
  }

  private StatusView.Proxy proxy(DrayConfig config) {
    boolean running = proxy.status().running();
    List<StatusView.Backend> servers = new ArrayList<>();
    if (running) {
      for (ServiceConfig s : config.deploy().services()) {
        if (s.role() != Role.WEB) {
          continue; // workers have no backend: asking haproxy about one is an error
        }
        String backend = ContainerNames.backend(config.service(), s.name());
        for (ServerState v : proxy.servers(backend)) {
          servers.add(new StatusView.Backend(backend, v));
        }
      }
    }
    return new StatusView.Proxy(running, servers);
  }
}
