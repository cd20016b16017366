package dev.dray.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one rollout did: each step with its duration, and when it failed, the step, why, the failing
 * container's state and what was undone.
 */
public record DeployReport(
    String deployId,
    String app,
    String kind,
    String version,
    Outcome outcome,
    Instant startedAt,
    Duration duration,
    List<StepOutcome> steps,
    Optional<String> failedStep,
    Optional<String> failure,
    Optional<ContainerFailure> container,
    List<String> undone) {

  public DeployReport {
    steps = List.copyOf(steps);
    undone = List.copyOf(undone);
  }

  /** How a rollout ended. */
  public enum Outcome {
    SUCCEEDED,
    /** Failed; every change it made was undone, the previous version serves. */
    ROLLED_BACK,
    /** Failed and could not undo everything; see {@code failure} and run {@code dray recover}. */
    FAILED
  }

  /** One executed step. */
  public record StepOutcome(int seq, String step, String state, Duration took) {}

  public boolean succeeded() {
    return outcome == Outcome.SUCCEEDED;
  }
}
