package dev.dray.server;

import java.util.Optional;

/**
 * Where the API's deploy and rollback requests go: they are queued and run later, one rollout per
 * app at a time, each through the same safe rollout as {@code dray deploy}. {@link QueueRollouts}
 * puts them on the trigger package's {@code RolloutQueue}, shared with auto-deploys.
 */
public interface Rollouts {

  /**
   * Queues a deploy of {@code version} of {@code app} and returns at once.
   *
   * @return the id the rollout's deploy record will have ({@code GET /api/deploys/{id}})
   */
  String deploy(String app, String version);

  /**
   * Queues a rollback of {@code app} to {@code version}, or to the previous rollout when empty.
   *
   * @return the id the rollout's deploy record will have
   */
  String rollback(String app, Optional<String> version);

  /**
   * What became of a rollout queued under {@code deployId} that has no deploy record (yet): it
   * waits, was superseded, skipped, or ended before it started. Empty when unknown.
   */
  default Optional<String> fate(String deployId) {
    return Optional.empty();
  }
}
