package dev.dray.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/**
 * One line of a deploy's journal: a step of the rollout entering a state, so that a crashed deploy
 * can be recovered from what it had started and finished.
 *
 * <p>{@code at} is kept to the millisecond: the constructor truncates it.
 *
 * @param deployId the {@link DeployRecord#id()} the step belongs to
 * @param seq the line's position in the journal; lines are read back ordered by it
 * @param step the step's name
 * @param state {@link #STARTED} (written before the side effect), {@link #DONE}, {@link #FAILED} or
 *     {@link #SKIPPED}
 * @param detail free text (container names, a failure, …); never a secret value
 */
public record DeployStepRecord(
    String deployId, int seq, String step, String state, Instant at, String detail) {

  public static final String STARTED = "STARTED";
  public static final String DONE = "DONE";
  public static final String FAILED = "FAILED";
  public static final String SKIPPED = "SKIPPED";

  /** Every state a step may be in. */
  public static final Set<String> STATES = Set.of(STARTED, DONE, FAILED, SKIPPED);

  public DeployStepRecord {
    DeployRecord.requireText(deployId, "deployId");
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative: " + seq);
    }
    DeployRecord.requireText(step, "step");
    DeployRecord.requireOneOf(state, STATES, "state");
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(detail, "detail");
  }
}
