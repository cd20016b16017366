package dev.dray.server;

import dev.dray.deploy.DeployResult;
import java.util.Optional;

/**
 * Runs one rollout of an app to its end: what a rollout worker calls. {@link DeployerRollouts} does
 * it with a {@link dev.dray.deploy.Deployer} per app.
 *
 * <p>Plug-in point: the trigger package's {@code RolloutPort} is {@code (app, version) ->} the
 * report of {@link #deploy}.
 */
public interface AppRollouts {

  /** Deploys {@code version} of {@code app}; blocks until the rollout ends. */
  DeployResult deploy(String app, String version) throws InterruptedException;

  /** Rolls {@code app} back to {@code version}, or to the previous rollout; blocks until done. */
  DeployResult rollback(String app, Optional<String> version) throws InterruptedException;
}
