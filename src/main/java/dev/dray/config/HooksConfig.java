package dev.dray.config;

import java.util.List;

/**
 * Host shell commands ({@code sh -c}) run around a deploy, with {@code DRAY_APP} and {@code
 * DRAY_VERSION} set.
 *
 * @param preDeploy run before anything changes; a failing one stops the deploy
 * @param postDeploy run after a deploy succeeded
 */
public record HooksConfig(List<String> preDeploy, List<String> postDeploy) {
  public HooksConfig {
    preDeploy = List.copyOf(preDeploy);
    postDeploy = List.copyOf(postDeploy);
  }

  /** No hooks. */
  public static HooksConfig none() {
    return new HooksConfig(List.of(), List.of());
  }

  static HooksConfig read(ConfigNode hooks) {
    return new HooksConfig(hooks.get("pre_deploy").strings(), hooks.get("post_deploy").strings());
  }
}
