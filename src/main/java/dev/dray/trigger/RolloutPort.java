package dev.dray.trigger;

import dev.dray.deploy.DeployReport;
import java.util.Optional;

/**
 * Runs rollouts for the {@link RolloutQueue}; the server implements it with a {@code Deployer}, so
 * every automatic deploy is the same safe rollout as {@code dray deploy}.
 *
 * <p>Only {@link #deploy} must be written. A branch push asks to build first: the default deploys
 * the version as if CI had built it; a server that builds overrides {@link #buildAndDeploy}. A
 * rollback needs {@link #rollback}.
 */
@FunctionalInterface
public interface RolloutPort {
  /**
   * Deploys {@code version} of {@code app} and says how it went; when that version already runs, a
   * succeeded report without steps.
   */
  DeployReport deploy(String app, String version) throws InterruptedException;

  /** Builds the pushed commit under {@code push.version()} and deploys it. */
  default DeployReport buildAndDeploy(Trigger.GitPushed push) throws InterruptedException {
    return deploy(push.app(), push.version());
  }

  /** Rolls {@code app} back to {@code version}, or to the previous rollout when empty. */
  default DeployReport rollback(String app, Optional<String> version) throws InterruptedException {
    throw new UnsupportedOperationException("this server cannot roll back through the queue");
  }
}
