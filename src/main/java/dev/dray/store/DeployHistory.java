package dev.dray.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

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

  /** The deploys of {@code app} started at or after {@code since}, newest (by start) first. */
  default List<DeployRecord> since(String app, Instant since) {
    Objects.requireNonNull(since, "since");
    return recent(app, Integer.MAX_VALUE).stream()
        .filter(record -> !record.startedAt().isBefore(since))
        .toList();
  }

  /** How many deploys of {@code app} there have been, by kind and outcome, ordered so. */
  default List<DeployCount> counts(String app) {
    Map<DeployCount, Long> counts = new TreeMap<>(DeployCount.ORDER);
    for (DeployRecord record : recent(app, Integer.MAX_VALUE)) {
      counts.merge(new DeployCount(app, record.kind(), record.outcome(), 0), 1L, Long::sum);
    }
    return counts.entrySet().stream()
        .map(e -> new DeployCount(app, e.getKey().kind(), e.getKey().outcome(), e.getValue()))
        .toList();
  }
}
