package dev.dray.cli;

import dev.dray.build.BuildEvent;
import dev.dray.build.BuildOptions;
import dev.dray.build.BuildPlan;
import dev.dray.build.BuildPlanner;
import dev.dray.build.BuildReport;
import dev.dray.build.BuildRunner;
import dev.dray.build.CommitCheckout;
import dev.dray.build.ImageTransfer;
import dev.dray.config.ConfigLoader;
import dev.dray.config.DrayConfig;
import dev.dray.dockerfile.Dockerfile;
import dev.dray.dockerfile.DockerfileParser;
import dev.dray.engine.DockerEngine;
import dev.dray.events.EventSink;
import dev.dray.image.GitContext;
import dev.dray.image.ImageMetadata;
import dev.dray.image.LocalGitContext;
import dev.dray.registry.RegistryClient;
import dev.dray.store.Store;
import dev.dray.trigger.Trigger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds a pushed commit for {@code dray server} as {@code dray build --push} would, from a
 * detached worktree of the app's Git clone ({@code $DRAY_HOME/builds/<app>/<sha>}, removed
 * afterwards): the commit's dray.yml and Dockerfile, per-stage registry cache, tags by the tag
 * rules with the push's ref and commit (plus the version the trigger deploys), labels, guards, push
 * with retries; the report goes to the store, the build's progress to the server's event sink.
 */
final class CommitBuilds {
  private final Map<String, DrayConfig> apps;
  private final Store store;
  private final Map<String, String> env;
  private final CommitCheckout checkout;
  private final EventSink events;
  private final Clock clock;

  /**
   * @param apps the served apps' dray.yml, by app name
   * @param events where the build's start, stage and end events go (not every step's output)
   */
  CommitBuilds(
      Map<String, DrayConfig> apps,
      Store store,
      Map<String, String> env,
      CommitCheckout checkout,
      EventSink events,
      Clock clock) {
    this.apps = Map.copyOf(apps);
    this.store = store;
    this.env = Map.copyOf(env);
    this.checkout = checkout;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Builds {@code push.sha()} of {@code push.app()} and pushes it under {@code push.version()} and
   * the tags its rules give; the report is in the store, also when the build fails.
   *
   * @throws dev.dray.DrayException when the checkout, the build or the push fails
   */
  BuildReport build(Trigger.GitPushed push) throws InterruptedException {
    DrayConfig served = apps.get(push.app());
    if (served == null) {
      throw new IllegalArgumentException("app " + push.app() + " is not served by this server");
    }
    Path into = DeployWiring.dataDir(env).resolve("builds").resolve(push.app()).resolve(push.sha());
    try (CommitCheckout.Worktree tree = checkout.checkout(served.file(), push.sha(), into)) {
      DrayConfig config = ConfigLoader.load(tree.config(), env);
      if (!config.image().name().equals(served.image().name())) {
        throw new CliInputException(
            "commit "
                + push.shortSha()
                + " builds "
                + config.image().name()
                + ", but the server deploys "
                + served.image().name()
                + " for app "
                + push.app(),
            "restart dray server after changing image in dray.yml, so it deploys what it builds");
      }
      return build(config, context(tree.root(), push), push);
    }
  }

  private BuildReport build(DrayConfig config, GitContext git, Trigger.GitPushed push) {
    Dockerfile dockerfile = DockerfileParser.parse(config.build().dockerfile());
    ImageMetadata metadata = Wiring.metadata(config, git, clock.instant());
    List<String> tags = new ArrayList<>(metadata.tags());
    if (!tags.contains(push.version())) {
      tags.add(0, push.version());
    }
    AtomicReference<BuildReport> finished = new AtomicReference<>();
    EventSink sink =
        event -> {
          if (event instanceof BuildEvent.BuildFinished f) {
            finished.set(f.report());
          }
          if (event instanceof BuildEvent b && shown(b)) {
            events.emit(b);
          }
        };
    try (DockerEngine engine = Wiring.engine(env)) {
      RegistryClient registry = Wiring.registry(env, config);
      ImageTransfer transfer = Wiring.transfer(env, config, engine, registry, clock, sink);
      BuildPlan plan =
          new BuildPlanner()
              .plan(
                  BuildWiring.inputs(
                      config,
                      dockerfile,
                      Optional.empty(),
                      tags,
                      metadata.labels(),
                      new BuildOptions(true, false, false),
                      BuildWiring.hostsWithCredentials(
                          config, dockerfile, Optional.empty(), transfer)));
      Wiring.requirePushAccess(registry, config.image());
      try {
        BuildReport report =
            new BuildRunner(engine, transfer, clock, sink)
                .run(plan, UUID.randomUUID().toString(), push.ref(), push.sha());
        store.builds().record(report);
        return report;
      } catch (RuntimeException e) {
        if (finished.get() != null) {
          store.builds().record(finished.get());
        }
        throw e;
      }
    }
  }

  /** The commit's Git facts from the worktree, with the pushed ref (the worktree is detached). */
  private GitContext context(Path worktree, Trigger.GitPushed push) {
    GitContext local = new LocalGitContext().resolve(env, worktree);
    return new GitContext(
        "push",
        push.ref(),
        push.sha(),
        local.defaultBranch(),
        local.commitDate(),
        local.repositoryUrl(),
        local.repositoryName(),
        "");
  }

  /** The events the server's log and event stream show: not every step's state and output. */
  private static boolean shown(BuildEvent event) {
    return switch (event) {
      case BuildEvent.StepChanged c -> false;
      case BuildEvent.StepOutput o -> false;
      case BuildEvent.PushProgress p -> false;
      default -> true;
    };
  }
}
