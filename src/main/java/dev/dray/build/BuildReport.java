package dev.dray.build;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one {@code dray build} did: per stage and per step whether it ran or came from cache, the
 * resulting image and what was pushed. Printed, written as JSON and kept in the store for history.
 */
public record BuildReport(
    String id,
    String service,
    String repository,
    Instant startedAt,
    Duration duration,
    Outcome outcome,
    Optional<String> failure,
    String gitRef,
    String gitSha,
    List<StageReport> stages,
    List<String> tags,
    Optional<String> imageId,
    Optional<String> digest,
    long sizeBytes,
    int layerCount) {

  public BuildReport {
    stages = List.copyOf(stages);
    tags = List.copyOf(tags);
  }

  /** How a build ended. */
  public enum Outcome {
    SUCCEEDED,
    FAILED
  }

  /** One Dockerfile stage within a build. */
  public record StageReport(
      String name,
      boolean ranSteps,
      boolean cachePushed,
      Duration duration,
      List<StepReport> steps) {
    public StageReport {
      steps = List.copyOf(steps);
    }
  }

  /** One BuildKit step (a vertex) of a stage. */
  public record StepReport(
      String name, boolean cached, Duration duration, Optional<String> error) {}

  /** Steps served from cache divided by all steps, 0 when there were none. */
  public double cacheHitRatio() {
    long total = stages.stream().mapToLong(s -> s.steps().size()).sum();
    long cached =
        stages.stream().flatMap(s -> s.steps().stream()).filter(StepReport::cached).count();
    return total == 0 ? 0.0 : (double) cached / total;
  }
}
