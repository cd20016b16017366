package dev.dray.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One BuildKit build step (a vertex of the build graph), such as {@code [deps 2/4] RUN npm ci}:
 * whether it came from cache, when it ran and how it failed.
 */
public record Vertex(
    String digest,
    List<String> inputs,
    String name,
    boolean cached,
    Optional<Instant> started,
    Optional<Instant> completed,
    Optional<String> error) {

  public Vertex {
    Objects.requireNonNull(digest, "digest");
    inputs = List.copyOf(inputs);
    name = name == null ? "" : name;
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(completed, "completed");
    Objects.requireNonNull(error, "error");
  }

  /** How long the step ran, when it both started and completed. */
  public Optional<Duration> duration() {
    return started.flatMap(s -> completed.map(c -> Duration.between(s, c)));
  }

  /** Whether it finished, successfully or not. */
  public boolean isCompleted() {
    return completed.isPresent();
  }
}
