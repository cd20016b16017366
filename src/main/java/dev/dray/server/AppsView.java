package dev.dray.server;

import dev.dray.config.ServiceConfig;
import dev.dray.deploy.ContainerNames;
import dev.dray.engine.ContainerDetails;
import dev.dray.engine.ContainerSummary;
import dev.dray.engine.DockerEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what runs of an app from the Docker engine (containers labelled {@code dray.app}) and its
 * edge proxy, as {@code dray status} does.
 */
final class AppsView {
  private static final String ONE_OFF = "oneoff";

  private final DockerEngine engine;

  AppsView(DockerEngine engine) {
    this.engine = engine;
  }

  AppStatus status(ServedApp app) {
    List<ContainerSummary> all =
        engine.listContainers(Map.of(ContainerNames.APP, app.name()), true).stream()
            .filter(c -> !ONE_OFF.equals(c.labels().get(ContainerNames.ROLE)))
            .toList();
    List<AppStatus.Service> services = new ArrayList<>();
    for (ServiceConfig s : app.config().deploy().services()) {
      String role = s.role().name().toLowerCase(Locale.ROOT);
      List<ContainerSummary> mine =
          all.stream()
              .filter(c -> s.name().equals(c.labels().get(ContainerNames.SERVICE)))
              .toList();
      services.add(
          newest(mine)
              .flatMap(c -> engine.inspectContainer(c.id()))
              .map(d -> service(s.name(), role, d))
              .orElseGet(
                  () ->
                      new AppStatus.Service(s.name(), role, null, null, null, "absent", null, 0)));
    }
    return new AppStatus(app.name(), services, new AppStatus.Proxy(app.proxy().status().running()));
  }

  /** The newest running container, else the newest of all. */
  private static Optional<ContainerSummary> newest(List<ContainerSummary> containers) {
    Comparator<ContainerSummary> byCreated =
        Comparator.comparing(c -> c.created().orElse(Instant.EPOCH));
    return containers.stream()
        .filter(c -> "running".equals(c.state()))
        .max(byCreated)
        .or(() -> containers.stream().max(byCreated));
  }

  private static AppStatus.Service service(String name, String role, ContainerDetails d) {
    return new AppStatus.Service(
        name,
        role,
        d.labels().get(ContainerNames.VERSION),
        d.image(),
        d.health().orElse(null),
        d.status(),
        d.startedAt().orElse(null),
        d.restartCount());
  }
}
