package dev.dray.build;

import dev.dray.events.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a build emits while it runs; the CLI draws progress from these, the store records the end.
 */
public sealed interface BuildEvent extends Event {

  /** The plan is about to run. */
  record BuildStarted(
      Instant at, String service, String repository, List<String> stages, List<String> tags)
      implements BuildEvent {}

  /** A base image is being pulled with credentials ahead of the build. */
  record BaseImagePulling(Instant at, String reference) implements BuildEvent {}

  /** One BuildKit pass for a target stage begins. */
  record StageBuildStarted(Instant at, String stage) implements BuildEvent {}

  /** A step (BuildKit vertex) of a stage changed state. */
  record StepChanged(Instant at, String stage, String step, StepState state, Duration elapsed)
      implements BuildEvent {}

  /** A line a running step printed. */
  record StepOutput(Instant at, String stage, String step, String line) implements BuildEvent {}

  /**
   * A stage's pass ended; {@code ranSteps} says whether anything was built rather than restored.
   */
  record StageBuildFinished(Instant at, String stage, boolean ranSteps, Duration duration)
      implements BuildEvent {}

  /**
   * BuildKit reported an error on a step it could do without, such as importing a cache source; the
   * build goes on but may run steps it could have restored.
   */
  record BuildWarning(Instant at, String step, String message) implements BuildEvent {}

  /** A stage's cache image went to the registry. */
  record StageCachePushed(Instant at, String stage, String reference) implements BuildEvent {}

  /** A stage's cache image was not pushed because every step came from cache. */
  record StageCacheKept(Instant at, String stage, String reference, String reason)
      implements BuildEvent {}

  /** A push is under way: bytes sent so far over all layers. */
  record PushProgress(Instant at, String reference, long sentBytes, long totalBytes)
      implements BuildEvent {}

  /** A transient failure; the operation will be tried again after {@code delay}. */
  record Retrying(
      Instant at, String operation, int attempt, int maxAttempts, Duration delay, String reason)
      implements BuildEvent {}

  /** A tag reached the registry. */
  record TagPushed(Instant at, String reference, String digest) implements BuildEvent {}

  /** The build ended, successfully or not. */
  record BuildFinished(Instant at, BuildReport report) implements BuildEvent {}

  /** The state of one step. */
  enum StepState {
    RUNNING,
    CACHED,
    DONE,
    FAILED
  }
}
