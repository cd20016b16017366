package dev.dray.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dray.build.BuildReport.StageReport;
import dev.dray.config.CacheMode;
import dev.dray.dockerfile.DockerfileParser;
import dev.dray.engine.DockerEngine;
import dev.dray.engine.EndpointDiscovery;
import dev.dray.engine.HttpDockerEngine;
import dev.dray.events.EventSink;
import dev.dray.image.Digest;
import dev.dray.image.ImageRef;
import dev.dray.registry.CredentialResolver;
import dev.dray.registry.RegistryClient;
import dev.dray.registry.RegistryTransport;
import dev.dray.registry.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage cache against the real engine and registry: after a code-only change on a fresh runner
 * (no local images, no BuildKit cache), every dependency stage comes back from the registry and
 * only the changed stages run and have their cache pushed.
 */
class StageCacheIT {
  private static final String BASE = "127.0.0.1:5000/dray/busybox:1";
  private static final String TOKEN = UUID.randomUUID().toString().substring(0, 8);
  private static final ImageRef REPO =
      ImageRef.parse("127.0.0.1:5000/it-build/stage-cache-" + TOKEN);
  private static DockerEngine engine;
  private static RegistryClient registry;

  @BeforeAll
  static void connect() {
    try {
      engine = HttpDockerEngine.connect(EndpointDiscovery.standard().discover(System.getenv()));
      registry = new RegistryClient(RegistryTransport.builder().build());
      registry.ping("127.0.0.1:5000");
    } catch (RuntimeException e) {
      fail(
          "dockerd and the registry on 127.0.0.1:5000 must be running: run scripts/test-env.sh up ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      // other integration tests expect the shared base image locally: put it back
      engine.pull(ImageRef.parse(BASE), Optional.empty(), dev.dray.engine.ProgressListener.NONE);
      engine.close();
    }
  }

  @Test
  void aFreshRunnerRestoresDependencyStagesFromTheRegistryAndRunsOnlyTheChangedOnes(
      @TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("Dockerfile"),
        """
        FROM %s AS deps
        RUN echo %s > /deps.txt && head -c 2000000 /dev/urandom > /deps.bin
        FROM deps AS builder
        COPY src/ /src/
        RUN cat /src/* > /built.txt
        FROM deps AS runtime
        COPY --from=builder /built.txt /app/built.txt
        """
            .formatted(BASE, TOKEN));
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/main.txt"), "version 1\n");

    BuildReport cold = build(dir);
    assertThat(ranByStage(cold)).isEqualTo(Map.of("deps", true, "builder", true, "runtime", true));
    assertThat(registry.listTags(REPO))
        .contains("cache-deps", "cache-builder", "cache-runtime", "latest");
    Digest depsCache = registry.manifestDigest(REPO.withTag("cache-deps")).orElseThrow();

    Files.writeString(dir.resolve("src/main.txt"), "version 2\n");
    wipeLocalState();
    BuildReport codeChange = build(dir);

    assertThat(ranByStage(codeChange))
        .isEqualTo(Map.of("deps", false, "builder", true, "runtime", true));
    assertThat(stage(codeChange, "deps").cachePushed()).isFalse();
    assertThat(registry.manifestDigest(REPO.withTag("cache-deps"))).contains(depsCache);
    assertThat(registry.manifestDigest(REPO.withTag("latest")))
        .contains(Digest.of(codeChange.digest().orElseThrow()));

    Digest builderCache = registry.manifestDigest(REPO.withTag("cache-builder")).orElseThrow();
    wipeLocalState();
    BuildReport unchanged = build(dir);

    assertThat(ranByStage(unchanged))
        .isEqualTo(Map.of("deps", false, "builder", false, "runtime", false));
    assertThat(registry.manifestDigest(REPO.withTag("cache-builder"))).contains(builderCache);
  }

  private static BuildReport build(Path dir) {
    BuildPlan plan =
        new BuildPlanner()
            .plan(
                new BuildInputs(
                    "stage-cache-it",
                    REPO,
                    dir,
                    "Dockerfile",
                    DockerfileParser.parse(dir.resolve("Dockerfile")),
                    Optional.of("runtime"),
                    Map.of(),
                    List.of(),
                    CacheMode.REGISTRY,
                    OptionalLong.empty(),
                    OptionalInt.empty(),
                    List.of(),
                    List.of("latest"),
                    Map.of("dray.service", "stage-cache-it"),
                    new BuildOptions(true, false, false),
                    Set.of()));
    Clock clock = Clock.systemUTC();
    ImageTransfer transfer =
        new ImageTransfer(
            engine,
            registry::manifestDigest,
            CredentialResolver.anonymous(),
            Backoff.standard(3),
            Sleeper.system(),
            clock,
            EventSink.none());
    return new BuildRunner(engine, transfer, clock, EventSink.none())
        .run(plan, UUID.randomUUID().toString(), "refs/heads/main", "0".repeat(40));
  }

  /** What a fresh CI runner has: no local images of ours or the base, and no BuildKit cache. */
  private static void wipeLocalState() {
    for (String tag : List.of("latest", "cache-deps", "cache-builder", "cache-runtime")) {
      engine.removeImage(REPO.withTag(tag).toString(), true);
    }
    engine.removeImage(BASE, true);
    engine.pruneBuildCache();
  }

  private static Map<String, Boolean> ranByStage(BuildReport report) {
    return report.stages().stream()
        .collect(Collectors.toMap(StageReport::name, StageReport::ranSteps));
  }

  private static StageReport stage(BuildReport report, String name) {
    return report.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }
}
