package dev.dray.deploy;

import dev.dray.config.DeployConfig;
import dev.dray.config.MigrateConfig;
import dev.dray.config.Role;
import dev.dray.config.ServiceConfig;
import dev.dray.deploy.RolloutStep.AddToProxy;
import dev.dray.deploy.RolloutStep.AwaitHealthy;
import dev.dray.deploy.RolloutStep.BackUp;
import dev.dray.deploy.RolloutStep.BootProxy;
import dev.dray.deploy.RolloutStep.Drain;
import dev.dray.deploy.RolloutStep.Migrate;
import dev.dray.deploy.RolloutStep.Prune;
import dev.dray.deploy.RolloutStep.PullImage;
import dev.dray.deploy.RolloutStep.RunHook;
import dev.dray.deploy.RolloutStep.StartContainer;
import dev.dray.deploy.RolloutStep.StopContainer;
import dev.dray.deploy.RolloutStep.SwitchTraffic;
import dev.dray.proxy.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the rollout of a new version without side effects: pull, hooks, backup, migration, then
 * per service in dependency order start-first — start the new container, wait until healthy, (web)
 * add it to the proxy, switch, drain the old one — and stop the old container, keeping it for
 * rollback; then post hooks and pruning.
 */
public final class RolloutPlanner {
  private static final Duration MIGRATION_TIMEOUT = Duration.ofMinutes(30);

  /** The plan of a deploy. */
  public RolloutPlan plan(RolloutInputs in) {
    DeployConfig config = in.config();
    List<ServiceConfig> services = ServiceOrder.sort(config.activeServices(in.profiles()));
    if (services.isEmpty()) {
      throw new DeployException(
          "dray.yml describes no services to deploy",
          "add a services: section (or compose: docker-compose.yml); see docs/configuration.md");
    }
    List<RolloutStep> steps = new ArrayList<>();
    new LinkedHashSet<>(in.images().values()).forEach(image -> steps.add(new PullImage(image)));
    List<Route> routes = routes(in.app(), config, services);
    if (!routes.isEmpty()) {
      steps.add(new BootProxy(routes));
    }
    config.hooks().preDeploy().forEach(c -> steps.add(new RunHook("pre_deploy", c)));
    steps.add(
        new BackUp(
            in.backupName(),
            config.backups().commands(),
            config.backups().keep(),
            snapshot(in, services)));
    config.migrate().ifPresent(m -> steps.add(migration(in, services, m)));
    for (ServiceConfig service : services) {
      addService(in, service, steps);
    }
    config.hooks().postDeploy().forEach(c -> steps.add(new RunHook("post_deploy", c)));
    steps.add(new Prune(config.retentionKeep()));
    Map<String, String> images = new LinkedHashMap<>();
    services.forEach(s -> images.put(s.name(), in.images().get(s.name())));
    return new RolloutPlan(in.deployId(), in.app(), "deploy", in.version(), images, steps);
  }

  private static void addService(RolloutInputs in, ServiceConfig service, List<RolloutStep> steps) {
    String name = ContainerNames.container(in.app(), service.name(), in.version(), in.deployId());
    boolean web = service.role() == Role.WEB;
    Optional<CurrentContainer> old = Optional.ofNullable(in.current().get(service.name()));
    steps.add(
        new StartContainer(
            service.name(),
            ContainerSpecs.service(in, service, name, service.command(), web ? "web" : "worker")));
    steps.add(new AwaitHealthy(service.name(), name, service.port(), service.healthcheck()));
    if (web) {
      String backend = ContainerNames.backend(in.app(), service.name());
      steps.add(new AddToProxy(service.name(), backend, name, service.port().orElseThrow()));
      steps.add(
          new SwitchTraffic(
              service.name(),
              backend,
              name,
              old.map(CurrentContainer::name),
              service.port().orElseThrow()));
      old.ifPresent(
          o ->
              steps.add(
                  new Drain(
                      service.name(), backend, o.name(), in.config().proxy().drainTimeout())));
    }
    old.ifPresent(
        o -> steps.add(new StopContainer(service.name(), o.name(), service.stopTimeout())));
  }

  private static ReleaseSnapshot snapshot(RolloutInputs in, List<ServiceConfig> services) {
    Map<String, List<String>> envNames = new LinkedHashMap<>();
    Map<String, String> images = new LinkedHashMap<>();
    for (ServiceConfig s : services) {
      List<String> names = new ArrayList<>(s.env().keySet());
      names.addAll(s.secrets());
      envNames.put(s.name(), names);
      images.put(s.name(), in.images().get(s.name()));
    }
    Map<String, String> before = new LinkedHashMap<>();
    in.current().forEach((service, c) -> before.put(service, c.image()));
    return new ReleaseSnapshot(
        in.app(), in.deployId(), in.version(), images, envNames, before, in.configFiles());
  }

  /**
   * One proxy route per web service: its public port to its backend, checked on its health path.
   */
  static List<Route> routes(String app, DeployConfig config, List<ServiceConfig> services) {
    List<Route> routes = new ArrayList<>();
    boolean first = true;
    for (ServiceConfig s : services) {
      if (s.role() != Role.WEB) {
        continue;
      }
      int port = s.publicPort().orElse(first ? config.proxy().port() : -1);
      if (port < 0) {
        throw new DeployException(
            "web service "
                + s.name()
                + " has no public_port (only the first web service gets proxy.port)",
            "set services." + s.name() + ".public_port in dray.yml");
      }
      first = false;
      routes.add(
          new Route(
              ContainerNames.backend(app, s.name()),
              config.proxy().bind(),
              port,
              s.healthcheck().flatMap(h -> h.path())));
    }
    return routes;
  }

  private static Migrate migration(
      RolloutInputs in, List<ServiceConfig> services, MigrateConfig m) {
    ServiceConfig base =
        services.stream()
            .filter(s -> s.name().equals(m.service()))
            .findFirst()
            .orElse(services.get(0));
    String name = ContainerNames.container(in.app(), "migrate", in.version(), in.deployId());
    return new Migrate(
        ContainerSpecs.service(in, base, name, m.command(), "oneoff"), MIGRATION_TIMEOUT);
  }

  /** Dependency order of services: each after the ones it depends on, otherwise as configured. */
  static final class ServiceOrder {
    private ServiceOrder() {}

    static List<ServiceConfig> sort(List<ServiceConfig> services) {
      Map<String, ServiceConfig> byName = new LinkedHashMap<>();
      services.forEach(s -> byName.put(s.name(), s));
      List<ServiceConfig> out = new ArrayList<>();
      Set<String> done = new LinkedHashSet<>();
      for (ServiceConfig s : services) {
        visit(s, byName, done, new LinkedHashSet<>(), out);
      }
      return out;
    }

    private static void visit(
        ServiceConfig s,
        Map<String, ServiceConfig> byName,
        Set<String> done,
        Set<String> path,
        List<ServiceConfig> out) {
      if (done.contains(s.name())) {
        return;
      }
      if (!path.add(s.name())) {
        throw new DeployException(
            "services depend on each other in a cycle: "
                + String.join(" → ", path)
                + " → "
                + s.name(),
            "remove one of the depends_on entries");
      }
      for (String dep : s.dependsOn()) {
        ServiceConfig d = byName.get(dep);
        if (d != null) {
          visit(d, byName, done, path, out);
        }
      }
      done.add(s.name());
      out.add(s);
    }
  }
}
