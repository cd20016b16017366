package dev.dray.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of an app's deploys and the journal of their steps: what {@code dray deploy} writes as
 * it goes, so that history, rollback and recovery of a crashed deploy can read it.
 *
 * <p>Instants are kept to the millisecond. Writes that break these rules (an unknown deploy, a
 * journal line recorded twice, finishing a deploy that is not running) are programming errors and
 * throw {@link IllegalArgumentException}; a database that cannot be read or written throws {@link
 * StoreAccessException}.
 */
public interface DeployHistory {

  /**
   * Keeps a deploy that has just started: its outcome must be {@link DeployRecord#RUNNING} (see
   * {@link DeployRecord#started}).
   *
   * @throws DeployAlreadyRecordedException when a deploy with the same id is already kept
   */
  void start(DeployRecord record);

  /**
   * Appends a line to the journal of a started deploy. Write {@link DeployStepRecord#STARTED}
   * before the step's side effect and its end state after it.
   *
   * @throws IllegalArgumentException when the deploy was never started or the journal already has a
   *     line with this {@code seq}
   */
  void step(DeployStepRecord step);

  /**
   * Records the end of a running deploy.
   *
   * @param outcome {@link DeployRecord#SUCCEEDED}, {@link DeployRecord#FAILED} or {@link
   *     DeployRecord#ROLLED_BACK}
   * @throws IllegalArgumentException when there is no such deploy or it has already finished
   */
  void finish(
      String id, String outcome, Optional<String> failedStep, Optional<String> failure, Instant at);

  /** The newest {@code limit} deploys of {@code app}, newest (by start) first. */
  List<DeployRecord> recent(String app, int limit);

  /**
   * The deploy with this id, or else the only deploy whose id starts with {@code idOrPrefix}.
   *
   * @throws AmbiguousIdException when several ids start with the prefix and none equals it
   */
  Optional<DeployRecord> find(String idOrPrefix);

  /** The journal of a deploy, ordered by {@link DeployStepRecord#seq()}; empty when unknown. */
  List<DeployStepRecord> steps(String deployId);

  /**
   * The deploy or rollback of {@code app} that succeeded last (by its finish): the version that
   * should be serving.
   */
  Optional<DeployRecord> lastSucceeded(String app);

  /**
   * The deploys of {@code app} still {@link DeployRecord#RUNNING}, newest first: one in progress,
   * or one whose process died before it finished, until recovery finishes it.
   */
  List<DeployRecord> running(String app);
}
