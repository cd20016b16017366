package dev.dray.cli;

import dev.dray.build.CommitCheckout;
import dev.dray.build.SystemGitProcess;
import dev.dray.config.DrayConfig;
import dev.dray.config.WatchConfig;
import dev.dray.deploy.DeployReport;
import dev.dray.deploy.DeployResult;
import dev.dray.deploy.Deployer;
import dev.dray.events.EventSink;
import dev.dray.registry.Sleeper;
import dev.dray.server.AppRollouts;
import dev.dray.server.GitHubHook;
import dev.dray.server.HookReply;
import dev.dray.server.QueueRollouts;
import dev.dray.server.RegistryHook;
import dev.dray.server.RolloutFates;
import dev.dray.server.Rollouts;
import dev.dray.server.TriggerTally;
import dev.dray.store.Store;
import dev.dray.trigger.GitHubApp;
import dev.dray.trigger.GitHubWebhook;
import dev.dray.trigger.QueuedRollout;
import dev.dray.trigger.RegistryApp;
import dev.dray.trigger.RegistryNotifications;
import dev.dray.trigger.RegistryWatcher;
import dev.dray.trigger.RolloutPort;
import dev.dray.trigger.RolloutQueue;
import dev.dray.trigger.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connects rollouts to {@code dray server}: one coalescing rollout queue over the same deployers as
 * {@code dray deploy}, taking the API's deploy and rollback requests ({@link #rollouts()}) and the
 * automatic triggers (registry watchers for apps that poll, the webhook handlers); a branch push is
 * built from the app's Git clone first ({@link CommitBuilds}). Every trigger event also goes to a
 * {@link TriggerTally} for {@code /metrics}; the builds' start, stage and end events go to the same
 * sink as the trigger events.
 */
final class TriggerWiring implements AutoCloseable {
  private final TriggerTally tally = new TriggerTally();
  private final RolloutFates fates = new RolloutFates();
  private final RolloutQueue queue;
  private final Rollouts rollouts;
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
    EventSink events = EventSink.all(List.of(sink, tally, fates));
    Map<String, DrayConfig> byApp = new LinkedHashMap<>();
    apps.forEach(c -> byApp.put(c.service(), c));
    CommitBuilds builds =
        new CommitBuilds(
            byApp, store, env, new CommitCheckout(SystemGitProcess.standard()), events, clock);
    this.queue = new RolloutQueue(port(rollouts, builds, clock), events, clock);
    this.rollouts = new QueueRollouts(queue, fates, clock);
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

  /** Where the API's deploy and rollback requests go: the same queue as the triggers. */
  Rollouts rollouts() {
    return rollouts;
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

  /**
   * Stops watching, drops waiting rollouts and lets the one under way end for up to {@code grace}
   * before interrupting it.
   */
  void close(Duration grace) {
    watchers.forEach(RegistryWatcher::close);
    queue.close(grace);
  }

  @Override
  public void close() {
    close(Duration.ZERO);
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

  /**
   * Every rollout goes through the same deployer as {@code dray deploy}, under the queue's id; a
   * branch push first builds and pushes the commit ({@link CommitBuilds}), and a failed build
   * deploys nothing (the queue reports the trigger failed with the build's error).
   */
  private static RolloutPort port(AppRollouts rollouts, CommitBuilds builds, Clock clock) {
    return new RolloutPort() {
      @Override
      public DeployReport deploy(String app, String version) throws InterruptedException {
        return run(
            new QueuedRollout(
                Deployer.newDeployId(),
                new Trigger.ManualDeploy(app, version, "api", clock.instant())));
      }

      @Override
      public DeployReport run(QueuedRollout rollout) throws InterruptedException {
        String id = rollout.deployId();
        Trigger trigger = rollout.trigger();
        String app = trigger.app();
        DeployResult result =
            switch (trigger) {
              case Trigger.ManualRollback r -> rollouts.rollback(app, r.target(), id);
              case Trigger.GitPushed push
                  when push.kind() == Trigger.GitPushed.Kind.BUILD_AND_DEPLOY -> {
                builds.build(push);
                yield rollouts.deploy(app, push.version(), id);
              }
              default -> rollouts.deploy(app, trigger.version(), id);
            };
        return report(rollout, result, clock);
      }
    };
  }

  private static DeployReport report(QueuedRollout rollout, DeployResult result, Clock clock) {
    Trigger trigger = rollout.trigger();
    return switch (result) {
      case DeployResult.Ran r -> r.report();
      case DeployResult.AlreadyRunning a ->
          new DeployReport(
              rollout.deployId(),
              trigger.app(),
              trigger instanceof Trigger.ManualRollback ? "rollback" : "deploy",
              a.version(),
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
