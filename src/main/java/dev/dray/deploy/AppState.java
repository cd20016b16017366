package dev.dray.deploy;

import dev.dray.engine.ContainerDetails;
import dev.dray.engine.ContainerSummary;
import dev.dray.engine.DockerEngine;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what of an app runs on a host, from the labels dray puts on its containers. */
final class AppState {
  private AppState() {}

  /** Every container of the app except one-offs, newest first. */
  static List<CurrentContainer> all(DockerEngine engine, String app) {
    return engine.listContainers(Map.of(ContainerNames.APP, app), true).stream()
        .filter(c -> !"oneoff".equals(c.labels().get(ContainerNames.ROLE)))
        .sorted(
            Comparator.comparing((ContainerSummary c) -> c.created().orElse(Instant.EPOCH))
                .reversed())
        .map(c -> toCurrent(engine, c))
        .toList();
  }

  /** Per service, the newest running container. */
  static Map<String, CurrentContainer> current(DockerEngine engine, String app) {
    Map<String, CurrentContainer> out = new LinkedHashMap<>();
    for (CurrentContainer c : all(engine, app)) {
      if (c.running()) {
        out.putIfAbsent(c.service(), c);
      }
    }
    return out;
  }

  private static CurrentContainer toCurrent(DockerEngine engine, ContainerSummary c) {
    boolean running = "running".equals(c.state());
    Optional<Integer> hostPort = Optional.empty();
    if (running) {
      hostPort =
          engine
              .inspectContainer(c.id())
              .map(ContainerDetails::publishedPorts)
              .flatMap(p -> p.values().stream().findFirst());
    }
    return new CurrentContainer(
        c.labels().getOrDefault(ContainerNames.SERVICE, ""),
        c.name(),
        c.image(),
        c.labels().getOrDefault(ContainerNames.VERSION, ""),
        c.labels().getOrDefault(ContainerNames.DEPLOY, ""),
        running,
        hostPort);
  }
}
