package dev.dray.deploy;

import dev.dray.build.ImageTransfer;
import dev.dray.deploy.DeployEvent.Switched;
import dev.dray.deploy.DeployEvent.Warning;
import dev.dray.deploy.RolloutStep.AddToProxy;
import dev.dray.deploy.RolloutStep.AwaitHealthy;
import dev.dray.deploy.RolloutStep.BackUp;
import dev.dray.deploy.RolloutStep.BootProxy;
import dev.dray.deploy.RolloutStep.Drain;
import dev.dray.deploy.RolloutStep.Migrate;
import dev.dray.deploy.RolloutStep.Prune;
import dev.dray.deploy.RolloutStep.PullImage;
import dev.dray.deploy.RolloutStep.RestartContainer;
import dev.dray.deploy.RolloutStep.RunHook;
import dev.dray.deploy.RolloutStep.StartContainer;
import dev.dray.deploy.RolloutStep.StopContainer;
import dev.dray.deploy.RolloutStep.SwitchTraffic;
import dev.dray.engine.ContainerDetails;
import dev.dray.engine.DockerEngine;
import dev.dray.events.EventSink;
import dev.dray.image.ImageRef;
import dev.dray.proxy.EdgeProxy;
import dev.dray.proxy.ServerState;
import dev.dray.proxy.Upstream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Performs one {@link RolloutStep} on a {@link DeployHost} and pushes the inverse of each change it
 * makes, so a failed rollout can be unwound.
 */
public final class StepExecutor {
  private static final Duration HOOK_TIMEOUT = Duration.ofMinutes(10);

  private final DockerEngine engine;
  private final EdgeProxy proxy;
  private final ImageTransfer transfer;
  private final HealthGate gate;
  private final ShellRunner shell;
  private final Backups backups;
  private final Pruner pruner;
  private final Duration healthTimeout;
  private final Duration drainTimeout;
  private final Clock clock;
  private final EventSink events;

  public StepExecutor(
      DeployHost host,
      ImageTransfer transfer,
      ShellRunner shell,
      java.nio.file.Path backupRoot,
      Duration healthTimeout,
      Duration drainTimeout,
      HttpProbe http,
      dev.dray.registry.Sleeper sleeper,
      Clock clock,
      EventSink events) {
    this.engine = host.engine();
    this.proxy = host.proxy();
    this.transfer = transfer;
    this.gate = new HealthGate(engine, http, sleeper, clock, events);
    this.shell = shell;
    this.backups = new Backups(backupRoot, shell);
    this.pruner = new Pruner(engine);
    this.healthTimeout = healthTimeout;
    this.drainTimeout = drainTimeout;
    this.clock = clock;
    this.events = events;
  }

  /** Performs {@code step}; returns a short detail for the journal. */
  String execute(RolloutPlan plan, RolloutStep step, Deque<Undo> undo) throws InterruptedException {
    return switch (step) {
      case PullImage p -> {
        transfer.pull(ImageRef.parse(p.image()));
        yield "";
      }
      case RunHook h -> hook(plan, h);
      case BackUp b -> {
        java.nio.file.Path dir =
            backups.create(
                b.directoryName(), b.commands(), b.snapshot(), Map.of("DRAY_APP", plan.app()));
        backups.retain(b.keep());
        yield dir.toString();
      }
      case Migrate m -> migrate(m);
      case BootProxy b -> {
        proxy.ensureRunning(b.routes());
        yield "";
      }
      case StartContainer s -> {
        engine.createContainer(s.container());
        String name = s.container().name();
        undo.push(
            Undo.of("remove new container " + name, () -> engine.removeContainer(name, true)));
        engine.startContainer(name);
        yield name;
      }
      case RestartContainer r -> {
        engine.startContainer(r.container());
        undo.push(
            Undo.of(
                "stop " + r.container() + " again",
                () -> engine.stopContainer(r.container(), Duration.ofSeconds(10))));
        yield r.container();
      }
      case AwaitHealthy h -> {
        gate.await(h.service(), h.container(), h.port(), h.check());
        yield "healthy";
      }
      case AddToProxy a -> {
        addToProxy(a.backend(), a.container(), a.containerPort());
        undo.push(
            Undo.of(
                "take " + a.container() + " out of the proxy",
                () -> {
                  proxy.awaitDrained(a.backend(), a.container(), drainTimeout);
                  proxy.removeServer(a.backend(), a.container());
                }));
        yield "";
      }
      case SwitchTraffic s -> switchTraffic(s, undo);
      case Drain d -> {
        boolean drained = proxy.awaitDrained(d.backend(), d.server(), d.timeout());
        if (!drained) {
          events.emit(
              new Warning(
                  clock.instant(),
                  d.server() + " still had requests after " + d.timeout().toSeconds() + "s"));
        }
        proxy.removeServer(d.backend(), d.server());
        yield drained ? "drained" : "drain timed out";
      }
      case StopContainer s -> {
        engine.stopContainer(s.container(), s.timeout());
        undo.push(
            Undo.of(
                "start " + s.container() + " again", () -> engine.startContainer(s.container())));
        yield "";
      }
      case Prune p -> String.join(", ", pruner.prune(plan.app(), p.keep()));
    };
  }

  private String hook(RolloutPlan plan, RunHook h) throws InterruptedException {
    try {
      ShellRunner.Result r =
          shell.run(
              h.command(),
              Map.of("DRAY_APP", plan.app(), "DRAY_VERSION", plan.version()),
              HOOK_TIMEOUT);
      if (r.exitCode() != 0) {
        throw new DeployException(
            h.phase()
                + " hook failed with exit code "
                + r.exitCode()
                + ": "
                + h.command()
                + "\n"
                + r.output().strip(),
            "fix the hook under hooks." + h.phase() + " in dray.yml");
      }
      return r.output().strip();
    } catch (IOException e) {
      throw new DeployException(
          h.phase() + " hook could not run: " + e.getMessage(),
          "is 'sh' on the PATH of dray's host?");
    }
  }

  private String migrate(Migrate m) throws InterruptedException {
    String name = m.container().name();
    engine.createContainer(m.container());
    try {
      engine.startContainer(name);
      int code = engine.waitContainer(name, m.timeout());
      if (code != 0) {
        List<String> logs = engine.containerLogs(name, 30);
        throw new DeployException(
            "migration exited with code "
                + code
                + "; traffic was not moved\n  | "
                + String.join("\n  | ", logs),
            "fix the migration (migrate.command in dray.yml) and deploy again");
      }
      return "exit 0";
    } finally {
      engine.removeContainer(name, true);
    }
  }

  private void addToProxy(String backend, String container, int containerPort) {
    ContainerDetails d =
        engine
            .inspectContainer(container)
            .orElseThrow(
                () ->
                    new DeployException(
                        "container " + container + " vanished", "run dray recover"));
    Integer hostPort = d.publishedPorts().get(containerPort);
    if (hostPort == null) {
      throw new DeployException(
          "container " + container + " publishes no port " + containerPort,
          "check services.<name>.port in dray.yml");
    }
    proxy.addServer(backend, new Upstream(container, "127.0.0.1:" + hostPort));
    proxy.awaitHealthy(backend, container, healthTimeout);
  }

  private String switchTraffic(SwitchTraffic s, Deque<Undo> undo) {
    proxy.switchTo(s.backend(), s.to(), s.from());
    events.emit(new Switched(clock.instant(), s.service(), s.from().orElse("(nothing)"), s.to()));
    s.from()
        .ifPresent(
            old ->
                undo.push(
                    Undo.of(
                        "switch " + s.service() + " back to " + old,
                        () ->
                            switchBack(s.service(), s.backend(), old, s.to(), s.containerPort()))));
    return "";
  }

  /** Puts {@code old} back in front of traffic: running, in the proxy, healthy, switched to. */
  void switchBack(String service, String backend, String old, String current, int containerPort) {
    ContainerDetails d =
        engine
            .inspectContainer(old)
            .orElseThrow(
                () ->
                    new DeployException("kept container " + old + " is gone", "run dray recover"));
    if (!d.running()) {
      engine.startContainer(old);
    }
    boolean inProxy =
        proxy.servers(backend).stream().map(ServerState::server).anyMatch(old::equals);
    if (!inProxy) {
      addToProxy(backend, old, containerPort);
    }
    proxy.switchTo(backend, old, Optional.of(current));
    events.emit(new Switched(clock.instant(), service, current, old));
  }
}
