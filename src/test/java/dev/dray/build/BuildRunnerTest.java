package dev.dray.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dray.Secret;
import dev.dray.build.BuildEvent.Retrying;
import dev.dray.build.BuildEvent.StageCacheKept;
import dev.dray.build.BuildReport.StageReport;
import dev.dray.config.CacheMode;
import dev.dray.dockerfile.DockerfileParser;
import dev.dray.events.Event;
import dev.dray.image.ImageRef;
import dev.dray.registry.Credential;
import dev.dray.registry.CredentialResolver;
import dev.dray.registry.CredentialSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildRunnerTest {
  private static final String THREE_STAGES =
      """
      FROM 127.0.0.1:5000/dray/busybox:1 AS deps
      RUN echo deps
      FROM deps AS builder
      RUN echo build
      FROM deps AS runtime
      COPY --from=builder /app /app
      """;

  private final List<Event> events = new ArrayList<>();
  private final java.util.Set<String> inRegistry =
      new java.util.HashSet<>(
          List.of(
              "127.0.0.1:5000/acme/app:cache-deps",
              "127.0.0.1:5000/acme/app:cache-builder",
              "127.0.0.1:5000/acme/app:cache-runtime"));
  private final List<Duration> sleeps = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void pushesOnlyTheCacheOfStagesThatRanAStep() {
    ScriptedEngine engine =
        new ScriptedEngine().pass("deps", true, true).pass("builder", false).pass("runtime", false);

    BuildReport report =
        runner(engine, CredentialResolver.anonymous())
            .run(plan(true, OptionalLong.empty()), "id-1", "refs/heads/main", "abc");

    assertThat(engine.pushes)
        .containsExactly(
            "127.0.0.1:5000/acme/app:cache-builder",
            "127.0.0.1:5000/acme/app:cache-runtime",
            "127.0.0.1:5000/acme/app:latest");
    assertThat(events).filteredOn(StageCacheKept.class::isInstance).hasSize(1);
    assertThat(report.stages())
        .extracting(StageReport::name, StageReport::ranSteps, StageReport::cachePushed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("deps", false, false),
            org.assertj.core.groups.Tuple.tuple("builder", true, true),
            org.assertj.core.groups.Tuple.tuple("runtime", true, true));
    assertThat(report.digest()).contains("sha256:" + "b".repeat(64));
    assertThat(report.cacheHitRatio()).isEqualTo(2.0 / 7);
  }

  @Test
  void keepsTheCacheImageOfAStagePartlyRestoredFromCache() {
    ScriptedEngine engine =
        new ScriptedEngine().pass("deps", true).pass("builder", true, false).pass("runtime", false);

    BuildReport report =
        runner(engine, CredentialResolver.anonymous())
            .run(plan(true, OptionalLong.empty()), "id", "r", "s");

    assertThat(engine.pushes)
        .containsExactly("127.0.0.1:5000/acme/app:cache-runtime", "127.0.0.1:5000/acme/app:latest");
    assertThat(events)
        .filteredOn(StageCacheKept.class::isInstance)
        .extracting(e -> ((StageCacheKept) e).stage() + ": " + ((StageCacheKept) e).reason())
        .containsExactly("deps: unchanged", "builder: partly restored from cache");
    assertThat(report.stages().get(1).ranSteps()).isTrue();
  }

  @Test
  void pushesAPartlyCachedStageWhenTheRegistryHasNoCacheImageYet() {
    inRegistry.clear();
    ScriptedEngine engine =
        new ScriptedEngine().pass("deps", true).pass("builder", true, false).pass("runtime", false);

    runner(engine, CredentialResolver.anonymous())
        .run(plan(true, OptionalLong.empty()), "id", "r", "s");

    assertThat(engine.pushes)
        .containsExactly(
            "127.0.0.1:5000/acme/app:cache-deps",
            "127.0.0.1:5000/acme/app:cache-builder",
            "127.0.0.1:5000/acme/app:cache-runtime",
            "127.0.0.1:5000/acme/app:latest");
  }

  @Test
  void retriesATransientPushFailureWithGrowingWaits() {
    ScriptedEngine engine =
        new ScriptedEngine().pass("deps", true).pass("builder", true).pass("runtime", true);
    engine.pushFailures.add(ScriptedEngine.transientPushFailure("127.0.0.1:5000/acme/app:latest"));
    engine.pushFailures.add(ScriptedEngine.transientPushFailure("127.0.0.1:5000/acme/app:latest"));

    BuildReport report =
        runner(engine, CredentialResolver.anonymous())
            .run(plan(true, OptionalLong.empty()), "id", "r", "s");

    assertThat(report.outcome()).isEqualTo(BuildReport.Outcome.SUCCEEDED);
    assertThat(engine.pushes)
        .containsExactly(
            "127.0.0.1:5000/acme/app:latest",
            "127.0.0.1:5000/acme/app:latest",
            "127.0.0.1:5000/acme/app:latest");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(events).filteredOn(Retrying.class::isInstance).hasSize(2);
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    ScriptedEngine engine =
        new ScriptedEngine().pass("deps", true).pass("builder", true).pass("runtime", true);
    for (int i = 0; i < 3; i++) {
      engine.pushFailures.add(
          ScriptedEngine.transientPushFailure("127.0.0.1:5000/acme/app:latest"));
    }
    BuildRunner runner = runner(engine, CredentialResolver.anonymous());

    assertThatThrownBy(() -> runner.run(plan(true, OptionalLong.empty()), "id", "r", "s"))
        .hasMessageContaining("connection reset");
    assertThat(engine.pushes).hasSize(3);
    assertThat(events.get(events.size() - 1))
        .isInstanceOfSatisfying(
            BuildEvent.BuildFinished.class,
            f -> assertThat(f.report().outcome()).isEqualTo(BuildReport.Outcome.FAILED));
  }

  @Test
  void anUnauthorizedPushListsEveryCredentialSourceTried() {
    ScriptedEngine engine =
        new ScriptedEngine().pass("deps", true).pass("builder", true).pass("runtime", true);
    engine.pushFailures.add(ScriptedEngine.unauthorized("127.0.0.1:5000/acme/app:latest"));
    CredentialResolver nothing =
        new CredentialResolver(List.of(new Missing("env DRAY_REGISTRY_USERNAME: not set")));

    assertThatThrownBy(
            () -> runner(engine, nothing).run(plan(true, OptionalLong.empty()), "id", "r", "s"))
        .isInstanceOf(PushUnauthorizedException.class)
        .hasMessageContaining("env DRAY_REGISTRY_USERNAME: not set")
        .hasMessageContaining("127.0.0.1:5000");
    assertThat(engine.pushes).hasSize(1);
  }

  @Test
  void sendsTheCredentialsFoundForTheRegistryWithoutShowingThem() {
    ScriptedEngine engine =
        new ScriptedEngine().pass("deps", true).pass("builder", true).pass("runtime", true);
    CredentialResolver resolver =
        new CredentialResolver(
            List.of(new Found(new Credential.Basic("dray", Secret.of("s3cret-pass")))));

    runner(engine, resolver).run(plan(true, OptionalLong.empty()), "id", "r", "s");

    assertThat(engine.pushAuth)
        .allSatisfy(a -> assertThat(a.orElseThrow().reveal()).contains("s3cret-pass"));
    assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain("s3cret-pass"));
  }

  @Test
  void aFailedCacheImportIsReportedAsAWarningWhileTheBuildGoesOn() {
    ScriptedEngine engine =
        new ScriptedEngine().pass("deps", false).pass("builder", false).pass("runtime", false);
    engine.extraVertices.add(
        new dev.dray.engine.Vertex(
            "import",
            List.of(),
            "importing cache manifest from 127.0.0.1:5001/x:cache-deps",
            false,
            Optional.of(clock.instant()),
            Optional.of(clock.instant()),
            Optional.of("no active sessions")));

    BuildReport report =
        runner(engine, CredentialResolver.anonymous())
            .run(plan(false, OptionalLong.empty()), "id", "r", "s");

    assertThat(report.outcome()).isEqualTo(BuildReport.Outcome.SUCCEEDED);
    assertThat(events)
        .filteredOn(BuildEvent.BuildWarning.class::isInstance)
        .singleElement()
        .satisfies(
            e ->
                assertThat(((BuildEvent.BuildWarning) e).message())
                    .isEqualTo("no active sessions"));
  }

  @Test
  void anImageOverMaxSizeFailsBeforeAnythingIsPushed() {
    ScriptedEngine engine =
        new ScriptedEngine().pass("deps", false).pass("builder", false).pass("runtime", false);
    engine.imageSize = 3_000_000;

    assertThatThrownBy(
            () ->
                runner(engine, CredentialResolver.anonymous())
                    .run(plan(true, OptionalLong.of(2_000_000)), "id", "r", "s"))
        .isInstanceOf(BuildGuardException.class)
        .hasMessageContaining("max_size")
        .hasMessageContaining("3.0 MB");
    assertThat(engine.pushes).isEmpty();
  }

  private BuildRunner runner(ScriptedEngine engine, CredentialResolver credentials) {
    ImageTransfer transfer =
        new ImageTransfer(
            engine,
            ref ->
                inRegistry.contains(ref.toString())
                    ? Optional.of(dev.dray.image.Digest.of("sha256:" + "c".repeat(64)))
                    : Optional.empty(),
            credentials,
            new Backoff(3, Duration.ofSeconds(1), Duration.ofSeconds(8)),
            sleeps::add,
            clock,
            events::add);
    return new BuildRunner(engine, transfer, clock, events::add);
  }

  private static BuildPlan plan(boolean push, OptionalLong maxSize) {
    return new BuildPlanner()
        .plan(
            new BuildInputs(
                "app",
                ImageRef.parse("127.0.0.1:5000/acme/app"),
                Path.of("/tmp/ctx"),
                "Dockerfile",
                DockerfileParser.parse(THREE_STAGES, "Dockerfile"),
                Optional.empty(),
                Map.of(),
                List.of(),
                CacheMode.REGISTRY,
                maxSize,
                OptionalInt.empty(),
                List.of(),
                List.of("latest"),
                Map.of(),
                new BuildOptions(push, false, false),
                Set.of()));
  }

  private record Missing(String line) implements CredentialSource {
    @Override
    public String describe() {
      return "test";
    }

    @Override
    public CredentialAttempt attempt(String registryHost) {
      return CredentialAttempt.missing(List.of(line));
    }
  }

  private record Found(Credential credential) implements CredentialSource {
    @Override
    public String describe() {
      return "test";
    }

    @Override
    public CredentialAttempt attempt(String registryHost) {
      return CredentialAttempt.found(credential, "test source", List.of());
    }
  }
}
