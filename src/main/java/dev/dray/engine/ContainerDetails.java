package dev.dray.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container as the engine inspects it: identity, image, labels, state, health with the last probe
 * outputs, restarts, and which container ports are published on {@code 127.0.0.1}.
 *
 * @param image the image reference the container was created from
 * @param imageId the ID ({@code sha256:…}) of that image
 * @param status {@code created}, {@code running}, {@code paused}, {@code restarting}, {@code
 *     removing}, {@code exited} or {@code dead}
 * @param error the engine's error when the container failed to start, or empty
 * @param health {@code starting}, {@code healthy} or {@code unhealthy}; empty without a check
 * @param healthLog the outputs of the last probes, oldest first
 * @param publishedPorts container port (tcp) → host port reachable on {@code 127.0.0.1}
 */
public record ContainerDetails(
    String id,
    String name,
    String image,
    String imageId,
    Map<String, String> labels,
    String status,
    boolean running,
    int exitCode,
    boolean oomKilled,
    String error,
    Optional<String> health,
    List<String> healthLog,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    int restartCount,
    Map<Integer, Integer> publishedPorts) {

  public ContainerDetails {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(imageId, "imageId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
    labels = Map.copyOf(labels);
    healthLog = List.copyOf(healthLog);
    publishedPorts = Map.copyOf(publishedPorts);
  }

  /** Whether a health check reported {@code healthy}. */
  public boolean healthy() {
    return health.filter("healthy"::equals).isPresent();
  }

  /** The host port where {@code containerPort} is published on {@code 127.0.0.1}. */
  public Optional<Integer> hostPort(int containerPort) {
    return Optional.ofNullable(publishedPorts.get(containerPort));
  }
}
