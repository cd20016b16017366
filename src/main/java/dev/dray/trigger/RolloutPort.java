package dev.dray.trigger;

import dev.dray.deploy.DeployReport;
import java.util.Optional;

/**
 * Runs rollouts for the {@link RolloutQueue}; the server implements it with a {@code Deployer}, so
 * every rollout it queues, automatic or asked for through the API, is the same safe rollout as
 * {@code dray deploy}.
 *
 * <p>The queue calls {@link #run}, which picks the method the trigger asks for. Only {@link
 * #deploy} must be written. A branch push asks to build first: the default deploys the version as
 * if CI had built it; a server that builds overrides {@link #buildAndDeploy}. A rollback needs
 * {@link #rollback}. A port that records rollouts under the queue's ids (so that the id announced
 * when the trigger arrived names the deploy record) overrides {@link #run}.
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

  /**
   * Runs what {@code rollout}'s trigger asks for. The default ignores {@code rollout.deployId()}
   * and calls {@link #deploy}, {@link #buildAndDeploy} or {@link #rollback}.
   */
  default DeployReport run(QueuedRollout rollout) throws InterruptedException {
    return switch (rollout.trigger()) {
      case Trigger.GitPushed push when push.kind() == Trigger.GitPushed.Kind.BUILD_AND_DEPLOY ->
          buildAndDeploy(push);
      case Trigger.ManualRollback rollback -> rollback(rollback.app(), rollback.target());
      case Trigger.GitPushed push -> deploy(push.app(), push.version());
      case Trigger.ImagePushed pushed -> deploy(pushed.app(), pushed.version());
      case Trigger.ManualDeploy manual -> deploy(manual.app(), manual.version());
    };
  }
}
