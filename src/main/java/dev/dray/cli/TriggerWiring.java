package dev.dray.cli;

import dev.dray.config.DrayConfig;
import dev.dray.config.WatchConfig;
import dev.dray.deploy.DeployReport;
import dev.dray.deploy.DeployResult;
import dev.dray.events.EventSink;
import dev.dray.registry.Sleeper;
import dev.dray.server.AppRollouts;
import dev.dray.server.GitHubHook;
import dev.dray.server.HookReply;
import dev.dray.server.RegistryHook;
import dev.dray.server.TriggerTally;
import dev.dray.store.Store;
import dev.dray.trigger.GitHubApp;
import dev.dray.trigger.GitHubWebhook;
import dev.dray.trigger.RegistryApp;
import dev.dray.trigger.RegistryNotifications;
import dev.dray.trigger.RegistryWatcher;
import dev.dray.trigger.RolloutPort;
import dev.dray.trigger.RolloutQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connects auto-deploy to {@code dray server}: one coalescing rollout queue over the same deployers
 * as {@code dray deploy}, registry watchers for apps that poll, and the webhook handlers; every
 * trigger event also goes to a {@link TriggerTally} for {@code /metrics}.
 */
final class TriggerWiring implements AutoCloseable {
  private final TriggerTally tally = new TriggerTally();
  private final RolloutQueue queue;
  private final List<RegistryWatcher> watchers = new ArrayList<>();
  private final RegistryHook registryHook;
  private final GitHubHook githubHook;

  TriggerWiring(
      List<DrayConfig> apps,
      AppRollouts rollouts,
      Store store,
      Map<String, String> env,
      EventSink sink,
      Clock clock) {
    EventSink events = EventSink.all(List.of(sink, tally));
    this.queue = new RolloutQueue(port(rollouts, clock), events, clock);
    List<RegistryApp> registryApps = new ArrayList<>();
    List<GitHubApp> githubApps = new ArrayList<>();
    for (DrayConfig config : apps) {
      RegistryApp.fromConfig(config, env).ifPresent(registryApps::add);
      GitHubApp.fromConfig(config, env).ifPresent(githubApps::add);
      config
          .autoDeploy()
          .flatMap(a -> a.watch())
          .ifPresent(w -> watchers.add(watcher(config, w, env, events, clock)));
    }
    RegistryNotifications notifications =
        new RegistryNotifications(registryApps, queue, events, clock);
    GitHubWebhook github =
        new GitHubWebhook(githubApps, store.deliveries()::firstTime, queue, events, clock);
    this.registryHook = (headers, body, query) -> reply(notifications.handle(headers, body, query));
    this.githubHook = (app, headers, body) -> reply(github.handle(headers, body));
  }

  /** The fate of every trigger so far, for {@code dray_triggers_total}. */
  TriggerTally tally() {
    return tally;
  }

  RegistryHook registryHook() {
    return registryHook;
  }

  GitHubHook githubHook() {
    return githubHook;
  }

  /** Starts polling the registry for apps that watch a tag. */
  void start() {
    watchers.forEach(RegistryWatcher::start);
  }

  @Override
  public void close() {
    watchers.forEach(RegistryWatcher::close);
    queue.close();
  }

  private RegistryWatcher watcher(
      DrayConfig config,
      WatchConfig watch,
      Map<String, String> env,
      EventSink events,
      Clock clock) {
    var registry = Wiring.registry(env, config);
    return new RegistryWatcher(
        registry::manifestDigest,
        config.image().withTag(watch.tag()),
        config.service(),
        watch.interval(),
        watch.jitter(),
        queue,
        Sleeper.system(),
        clock,
        events);
  }

  private static HookReply reply(dev.dray.trigger.HttpReply r) {
    return new HookReply(r.status(), r.json());
  }

  /** Every automatic rollout goes through the same deployer as {@code dray deploy}. */
  private static RolloutPort port(AppRollouts rollouts, Clock clock) {
    return new RolloutPort() {
      @Override
      public DeployReport deploy(String app, String version) throws InterruptedException {
        return report(app, version, rollouts.deploy(app, version), clock);
      }

      @Override
      public DeployReport rollback(String app, Optional<String> version)
          throws InterruptedException {
        return report(app, version.orElse("previous"), rollouts.rollback(app, version), clock);
      }
    };
  }

  private static DeployReport report(String app, String version, DeployResult result, Clock clock) {
    return switch (result) {
      case DeployResult.Ran r -> r.report();
      case DeployResult.AlreadyRunning a ->
          new DeployReport(
              "already-running",
              app,
              "deploy",
              version,
              DeployReport.Outcome.SUCCEEDED,
              clock.instant(),
              Duration.ZERO,
              List.of(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              List.of());
      case DeployResult.Planned p ->
          throw new IllegalStateException("a queued rollout never only plans");
    };
  }
}
