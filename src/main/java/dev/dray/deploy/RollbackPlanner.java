package dev.dray.deploy;

import dev.dray.config.DeployConfig;
import dev.dray.config.Role;
import dev.dray.config.ServiceConfig;
import dev.dray.deploy.RolloutStep.AddToProxy;
import dev.dray.deploy.RolloutStep.AwaitHealthy;
import dev.dray.deploy.RolloutStep.BootProxy;
import dev.dray.deploy.RolloutStep.Drain;
import dev.dray.deploy.RolloutStep.RestartContainer;
import dev.dray.deploy.RolloutStep.StopContainer;
import dev.dray.deploy.RolloutStep.SwitchTraffic;
import dev.dray.proxy.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans a rollback to a kept version: per service start its kept container again, wait until
 * healthy, switch traffic to it and stop the current one — no pull, no build.
 */
public final class RollbackPlanner {

  /**
   * @param containers every container of the app, newest first
   * @param version the version to return to; empty: the newest kept version other than the running
   *     one
   */
  public RolloutPlan plan(
      String deployId,
      String app,
      DeployConfig config,
      Set<String> profiles,
      List<CurrentContainer> containers,
      Optional<String> version) {
    List<ServiceConfig> services =
        RolloutPlanner.ServiceOrder.sort(config.activeServices(profiles));
    Map<String, CurrentContainer> current = new LinkedHashMap<>();
    containers.stream()
        .filter(CurrentContainer::running)
        .forEach(c -> current.putIfAbsent(c.service(), c));
    java.util.function.Predicate<CurrentContainer> isTarget;
    String target;
    if (version.isPresent()) {
      target = version.get();
      isTarget = c -> c.version().equals(target);
    } else {
      CurrentContainer previous = previousRelease(containers, current);
      target = previous.version();
      isTarget = c -> c.deployId().equals(previous.deployId());
    }
    List<RolloutStep> steps = new ArrayList<>();
    List<Route> routes = RolloutPlanner.routes(app, config, services);
    if (!routes.isEmpty()) {
      steps.add(new BootProxy(routes));
    }
    Map<String, String> images = new LinkedHashMap<>();
    for (ServiceConfig s : services) {
      CurrentContainer now = current.get(s.name());
      CurrentContainer kept =
          containers.stream()
              .filter(c -> c.service().equals(s.name()) && isTarget.test(c))
              .findFirst()
              .orElseThrow(
                  () ->
                      new DeployException(
                          "no kept container of service " + s.name() + " at version " + target,
                          "deploy that version instead: dray deploy " + target));
      images.put(s.name(), kept.image());
      if (now != null && now.name().equals(kept.name())) {
        continue;
      }
      if (!kept.running()) {
        steps.add(new RestartContainer(s.name(), kept.name()));
      }
      steps.add(new AwaitHealthy(s.name(), kept.name(), s.port(), s.healthcheck()));
      if (s.role() == Role.WEB) {
        String backend = ContainerNames.backend(app, s.name());
        int port = s.port().orElseThrow();
        steps.add(new AddToProxy(s.name(), backend, kept.name(), port));
        steps.add(
            new SwitchTraffic(
                s.name(),
                backend,
                kept.name(),
                Optional.ofNullable(now).map(CurrentContainer::name),
                port));
        if (now != null) {
          steps.add(new Drain(s.name(), backend, now.name(), config.proxy().drainTimeout()));
        }
      }
      if (now != null) {
        steps.add(new StopContainer(s.name(), now.name(), s.stopTimeout()));
      }
    }
    return new RolloutPlan(deployId, app, "rollback", target, images, steps);
  }

  /** The newest stopped container of a rollout other than the ones serving now. */
  private static CurrentContainer previousRelease(
      List<CurrentContainer> containers, Map<String, CurrentContainer> current) {
    Set<String> serving = new java.util.HashSet<>();
    current.values().forEach(c -> serving.add(c.deployId()));
    return containers.stream()
        .filter(c -> !c.running() && !serving.contains(c.deployId()))
        .findFirst()
        .orElseThrow(
            () ->
                new DeployException(
                    "there is no earlier version kept to roll back to",
                    "list releases with 'dray releases'; deploy a version with 'dray deploy VERSION'"));
  }
}
