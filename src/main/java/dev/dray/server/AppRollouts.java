package dev.dray.server;

import dev.dray.deploy.DeployResult;
import java.util.Optional;

/**
 * Runs one rollout of an app to its end under an id made beforehand: what the rollout queue's port
 * calls. {@link DeployerRollouts} does it with a {@link dev.dray.deploy.Deployer} per app.
 */
public interface AppRollouts {

  /** Deploys {@code version} of {@code app} as {@code deployId}; blocks until the rollout ends. */
  DeployResult deploy(String app, String version, String deployId) throws InterruptedException;

  /**
   * Rolls {@code app} back to {@code version}, or to the previous rollout, as {@code deployId};
   * blocks until done.
   */
  DeployResult rollback(String app, Optional<String> version, String deployId)
      throws InterruptedException;
}
