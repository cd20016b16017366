package dev.dray.cli;

import dev.dray.build.BuildEvent.BuildFinished;
import dev.dray.build.BuildOptions;
import dev.dray.build.BuildPlan;
import dev.dray.build.BuildPlanner;
import dev.dray.build.BuildReport;
import dev.dray.build.BuildRunner;
import dev.dray.build.ImageTransfer;
import dev.dray.config.BuildConfig;
import dev.dray.config.ConfigLoader;
import dev.dray.config.DrayConfig;
import dev.dray.dockerfile.Dockerfile;
import dev.dray.dockerfile.DockerfileParser;
import dev.dray.engine.DockerEngine;
import dev.dray.events.EventSink;
import dev.dray.image.GitContext;
import dev.dray.image.ImageMetadata;
import dev.dray.registry.RegistryClient;
import dev.dray.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dray build}: builds the image described by dray.yml through BuildKit with every stage's
 * cache in the registry, tags and labels it, checks the guards and optionally pushes it.
 */
@Command(
    name = "build",
    description = "Build the image with every stage's cache from the registry; --push to push it.")
final class BuildCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--push", description = "Push the tags and the stage cache images.")
  boolean push;

  @Option(names = "--no-cache", description = "Build every step; use and write no cache.")
  boolean noCache;

  @Option(
      names = "--refresh-cache",
      description = "Build every step and replace every stage's cache image.")
  boolean refreshCache;

  @Option(names = "--plan", description = "Print the plan and stop; nothing is built.")
  boolean planOnly;

  @Option(
      names = "--json",
      description = "Print the build report as JSON on stdout (progress goes to stderr).")
  boolean json;

  @Option(
      names = "--target",
      paramLabel = "STAGE",
      description = "Build this stage instead of build.target.")
  String target;

  BuildCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path cwd = Path.of("").toAbsolutePath();
    DrayConfig config =
        ConfigLoader.load(ConfigLoader.locate(cwd, java.util.Optional.ofNullable(common.config)));
    BuildConfig build = config.build();
    Dockerfile dockerfile = DockerfileParser.parse(build.dockerfile());
    BuildOptions options = new BuildOptions(push, noCache, refreshCache);
    Clock clock = Clock.systemUTC();
    GitContext git = Wiring.gitContext(env, config.file().getParent());
    ImageMetadata metadata = Wiring.metadata(config, git, clock.instant());

    if (planOnly) {
      BuildPlan plan =
          new BuildPlanner()
              .plan(
                  BuildWiring.inputs(
                      config,
                      dockerfile,
                      Optional.ofNullable(target),
                      metadata.tags(),
                      metadata.labels(),
                      options,
                      Set.of()));
      plan.describe().forEach(out::println);
      return 0;
    }

    Terminal term = Terminal.detect(env);
    PrintWriter progressOut = json ? err : out;
    List<EventSink> sinks = new ArrayList<>();
    sinks.add(
        term.interactive() && !json
            ? new LiveBuildProgress(progressOut, term, clock)
            : new PlainBuildProgress(progressOut, true));
    BuildReport[] finished = new BuildReport[1];
    sinks.add(
        e -> {
          if (e instanceof BuildFinished f) {
            finished[0] = f.report();
          }
        });
    EventSink events = EventSink.all(sinks);

    try (DockerEngine engine = Wiring.engine(env);
        Store store = Stores.open(env)) {
      RegistryClient registry = Wiring.registry(env, config);
      ImageTransfer transfer = Wiring.transfer(env, config, engine, registry, clock, events);
      Optional<String> stage = Optional.ofNullable(target);
      BuildPlan plan =
          new BuildPlanner()
              .plan(
                  BuildWiring.inputs(
                      config,
                      dockerfile,
                      stage,
                      metadata.tags(),
                      metadata.labels(),
                      options,
                      BuildWiring.hostsWithCredentials(config, dockerfile, stage, transfer)));
      if (push) {
        Wiring.requirePushAccess(registry, config.image());
      }
      try {
        BuildReport report =
            new BuildRunner(engine, transfer, clock, events)
                .run(plan, UUID.randomUUID().toString(), git.ref(), git.sha());
        store.builds().record(report);
        print(report, out, term);
        return 0;
      } catch (RuntimeException e) {
        if (finished[0] != null) {
          store.builds().record(finished[0]);
          if (json) {
            print(finished[0], out, term);
          }
        }
        throw e;
      }
    }
  }

  private void print(BuildReport report, PrintWriter out, Terminal term) {
    if (json) {
      try {
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      new BuildSummary(term).print(report, out);
    }
    out.flush();
  }
}
