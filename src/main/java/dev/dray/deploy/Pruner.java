package dev.dray.deploy;

import dev.dray.DrayException;
import dev.dray.engine.ContainerSummary;
import dev.dray.engine.DockerEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes an app's old containers and images beyond the retention: per service the running
 * container and the newest {@code keep} stopped ones stay (those make rollback instant); leftover
 * one-off containers go.
 */
final class Pruner {
  private final DockerEngine engine;

  Pruner(DockerEngine engine) {
    this.engine = engine;
  }

  /** Prunes and returns the names of the containers removed. */
  List<String> prune(String app, int keep) {
    List<ContainerSummary> all = engine.listContainers(Map.of(ContainerNames.APP, app), true);
    Map<String, List<ContainerSummary>> byService = new LinkedHashMap<>();
    List<ContainerSummary> remove = new ArrayList<>();
    for (ContainerSummary c : all) {
      if ("oneoff".equals(c.labels().get(ContainerNames.ROLE))) {
        remove.add(c);
      } else {
        byService
            .computeIfAbsent(
                c.labels().getOrDefault(ContainerNames.SERVICE, ""), s -> new ArrayList<>())
            .add(c);
      }
    }
    for (List<ContainerSummary> containers : byService.values()) {
      List<ContainerSummary> stopped =
          containers.stream()
              .filter(c -> !"running".equals(c.state()))
              .sorted(
                  Comparator.comparing((ContainerSummary c) -> c.created().orElse(Instant.EPOCH))
                      .reversed())
              .toList();
      remove.addAll(stopped.subList(Math.min(keep, stopped.size()), stopped.size()));
    }
    List<String> removed = new ArrayList<>();
    Set<String> images = new HashSet<>();
    for (ContainerSummary c : remove) {
      engine.removeContainer(c.id(), true);
      removed.add(c.name());
      images.add(c.imageId());
    }
    Set<String> inUse = new HashSet<>();
    engine.listContainers(Map.of(), true).forEach(c -> inUse.add(c.imageId()));
    for (String image : images) {
      if (!inUse.contains(image)) {
        try {
          engine.removeImage(image, false);
        } catch (DrayException e) {
          // still used by something else (another tag or container): keep it
        }
      }
    }
    return removed;
  }
}
