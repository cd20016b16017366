package dev.dray.server;

import java.util.Optional;

/**
 * Where the API's deploy and rollback requests go: they are queued and run later, one rollout per
 * app at a time, each through the same safe rollout as {@code dray deploy}.
 *
 * <p>Plug-in point: the server's own {@link WorkerRollouts} runs them on one worker thread; the
 * trigger package's {@code RolloutQueue} (coalescing, shared with auto-deploys) can take its place
 * through an adapter implementing this interface.
 */
public interface Rollouts {

  /**
   * Queues a deploy of {@code version} of {@code app} and returns at once.
   *
   * @return the rollout's deploy id when it is known already (it usually is not: the deployer makes
   *     it when the rollout starts, and the event stream shows it)
   */
  Optional<String> deploy(String app, String version);

  /** Queues a rollback of {@code app} to {@code version}, or to the previous rollout when empty. */
  Optional<String> rollback(String app, Optional<String> version);
}
