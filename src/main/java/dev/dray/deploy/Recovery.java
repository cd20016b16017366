package dev.dray.deploy;

import dev.dray.DrayException;
import dev.dray.config.DeployConfig;
import dev.dray.config.Role;
import dev.dray.config.ServiceConfig;
import dev.dray.deploy.DeployEvent.Warning;
import dev.dray.engine.DockerEngine;
import dev.dray.events.EventSink;
import dev.dray.proxy.EdgeProxy;
import dev.dray.proxy.ServerState;
import dev.dray.store.DeployHistory;
import dev.dray.store.DeployRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Repairs what an interrupted rollout (dray killed, host rebooted) left: for each rollout still on
 * record as running, every service goes back to the container that served before it — started, in
 * the proxy, switched to — and the interrupted rollout's containers are removed. Afterwards exactly
 * one version serves each service and the rollout is on record as failed.
 */
public final class Recovery {
  private final DockerEngine engine;
  private final EdgeProxy proxy;
  private final StepExecutor executor;
  private final DeployHistory history;
  private final Clock clock;
  private final EventSink events;

  public Recovery(
      DeployHost host,
      StepExecutor executor,
      DeployHistory history,
      Clock clock,
      EventSink events) {
    this.engine = host.engine();
    this.proxy = host.proxy();
    this.executor = executor;
    this.history = history;
    this.clock = clock;
    this.events = events;
  }

  /** Repairs every interrupted rollout of {@code app}; returns what was done, one line each. */
  public List<String> recover(String app, DeployConfig config, Set<String> profiles) {
    List<DeployRecord> interrupted = history.running(app);
    List<String> done = new ArrayList<>();
    if (interrupted.isEmpty()) {
      return done;
    }
    List<ServiceConfig> services =
        RolloutPlanner.ServiceOrder.sort(config.activeServices(profiles));
    var routes = RolloutPlanner.routes(app, config, services);
    if (!routes.isEmpty()) {
      proxy.ensureRunning(routes);
    }
    for (DeployRecord d : interrupted) {
      for (ServiceConfig s : services) {
        done.addAll(recoverService(app, d.id(), s));
      }
      for (CurrentContainer c : AppState.all(engine, app)) {
        if (c.deployId().equals(d.id())) {
          engine.removeContainer(c.name(), true);
          done.add(
              "removed "
                  + c.name()
                  + " of interrupted "
                  + d.kind()
                  + " "
                  + ContainerNames.shortId(d.id()));
        }
      }
      removeOneOffs(app, d.id(), done);
      history.finish(
          d.id(),
          "FAILED",
          Optional.of("interrupted"),
          Optional.of("interrupted; repaired by dray recover"),
          clock.instant());
      done.add(
          "marked "
              + d.kind()
              + " "
              + ContainerNames.shortId(d.id())
              + " ("
              + d.version()
              + ") as failed");
    }
    return done;
  }

  private List<String> recoverService(String app, String deployId, ServiceConfig s) {
    List<String> done = new ArrayList<>();
    List<CurrentContainer> mine =
        AppState.all(engine, app).stream().filter(c -> c.service().equals(s.name())).toList();
    Optional<CurrentContainer> fresh =
        mine.stream().filter(c -> c.deployId().equals(deployId)).findFirst();
    Optional<CurrentContainer> previous =
        mine.stream().filter(c -> !c.deployId().equals(deployId)).findFirst();
    if (fresh.isEmpty()) {
      previous.filter(p -> !p.running()).ifPresent(p -> restart(p, done));
      return done;
    }
    if (s.role() == Role.WEB) {
      String backend = ContainerNames.backend(app, s.name());
      List<ServerState> servers = proxy.servers(backend);
      boolean freshServes =
          servers.stream()
              .anyMatch(
                  v -> v.server().equals(fresh.get().name()) && "READY".equals(v.adminState()));
      if (freshServes && previous.isPresent()) {
        executor.switchBack(
            s.name(), backend, previous.get().name(), fresh.get().name(), s.port().orElseThrow());
        done.add("switched " + s.name() + " back to " + previous.get().name());
      } else {
        previous.filter(p -> !p.running()).ifPresent(p -> restart(p, done));
      }
      if (servers.stream().anyMatch(v -> v.server().equals(fresh.get().name()))) {
        proxy.awaitDrained(backend, fresh.get().name(), Duration.ofSeconds(30));
        proxy.removeServer(backend, fresh.get().name());
        done.add("took " + fresh.get().name() + " out of the proxy");
      }
    } else {
      previous.filter(p -> !p.running()).ifPresent(p -> restart(p, done));
    }
    return done;
  }

  private void restart(CurrentContainer c, List<String> done) {
    try {
      engine.startContainer(c.name());
      done.add("started " + c.name() + " again");
    } catch (DrayException e) {
      events.emit(
          new Warning(clock.instant(), "could not start " + c.name() + ": " + e.getMessage()));
    }
  }

  private void removeOneOffs(String app, String deployId, List<String> done) {
    engine
        .listContainers(
            java.util.Map.of(ContainerNames.APP, app, ContainerNames.DEPLOY, deployId), true)
        .forEach(
            c -> {
              engine.removeContainer(c.id(), true);
              done.add("removed " + c.name());
            });
  }
}
