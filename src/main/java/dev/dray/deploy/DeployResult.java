package dev.dray.deploy;

import java.util.List;

/** How a request to {@link Deployer} ended. */
public sealed interface DeployResult {

  /** Every service already runs the requested image; nothing was done. */
  record AlreadyRunning(String version, List<String> images) implements DeployResult {}

  /** {@code --plan}: what would be done. */
  record Planned(RolloutPlan plan) implements DeployResult {}

  /** The rollout ran; the report says how it ended. */
  record Ran(DeployReport report, List<String> recovered) implements DeployResult {}
}
