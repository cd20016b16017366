package dev.dray.server;

import dev.dray.config.DrayConfig;
import dev.dray.deploy.DeployResult;
import dev.dray.deploy.Deployer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link AppRollouts} with one {@link Deployer} per served app, as {@code dray deploy} and {@code
 * dray rollback} run them: same lock, same plan, same undo, recorded as done by the server.
 */
public final class DeployerRollouts implements AppRollouts {
  /** One app the server can roll out: its dray.yml and the deployer wired for it. */
  public record AppDeployer(DrayConfig config, Deployer deployer) {}

  private final Map<String, AppDeployer> apps;
  private final Map<String, String> env;
  private final Duration lockWait;

  /**
   * @param apps by app name
   * @param env the environment secrets are read from at deploy time
   * @param lockWait how long a rollout waits for another one's lock
   */
  public DeployerRollouts(
      Map<String, AppDeployer> apps, Map<String, String> env, Duration lockWait) {
    this.apps = Map.copyOf(apps);
    this.env = Map.copyOf(env);
    this.lockWait = lockWait;
  }

  @Override
  public DeployResult deploy(String app, String version, String deployId)
      throws InterruptedException {
    AppDeployer a = app(app);
    return a.deployer()
        .deploy(
            new Deployer.Request(
                a.config(),
                Optional.of(version),
                false,
                false,
                "dray server: deploy " + version,
                lockWait,
                Set.of(),
                env),
            deployId);
  }

  @Override
  public DeployResult rollback(String app, Optional<String> version, String deployId)
      throws InterruptedException {
    AppDeployer a = app(app);
    return a.deployer()
        .rollback(
            a.config(),
            version,
            "dray server: rollback" + version.map(v -> " to " + v).orElse(""),
            lockWait,
            Set.of(),
            false,
            deployId);
  }

  private AppDeployer app(String app) {
    AppDeployer a = apps.get(app);
    if (a == null) {
      throw new IllegalArgumentException("app " + app + " is not served by this server");
    }
    return a;
  }
}
