package dev.dray.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dray.build.BuildStep.BuildStage;
import dev.dray.build.BuildStep.PullImage;
import dev.dray.build.BuildStep.PushStageCache;
import dev.dray.build.BuildStep.PushTag;
import dev.dray.config.CacheMode;
import dev.dray.dockerfile.Dockerfile;
import dev.dray.dockerfile.DockerfileException;
import dev.dray.dockerfile.DockerfileParser;
import dev.dray.image.ImageRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildPlannerTest {
  private static final String FIVE_STAGES =
      """
      ARG BASE=127.0.0.1:5000/dray/busybox:1
      FROM ${BASE} AS base
      RUN echo system
      FROM base AS python-deps
      RUN echo pip
      FROM base AS node-deps
      RUN echo npm
      FROM node-deps AS builder
      COPY --from=python-deps /opt /opt
      RUN echo build
      FROM base AS runtime
      COPY --from=builder /app /app
      """;
  private static final ImageRef REPO = ImageRef.parse("127.0.0.1:5000/acme/app");

  private final BuildPlanner planner = new BuildPlanner();

  @Test
  void registryCacheBuildsEveryStageInDependencyOrderUsingAllStageCachesAsSources() {
    BuildPlan plan =
        planner.plan(inputs(CacheMode.REGISTRY, new BuildOptions(true, false, false), Set.of()));

    List<BuildStage> passes = steps(plan, BuildStage.class);
    assertThat(passes)
        .extracting(BuildStage::stage)
        .containsExactly("base", "python-deps", "node-deps", "builder", "runtime");
    List<String> allCaches =
        List.of(
            "127.0.0.1:5000/acme/app:cache-base",
            "127.0.0.1:5000/acme/app:cache-python-deps",
            "127.0.0.1:5000/acme/app:cache-node-deps",
            "127.0.0.1:5000/acme/app:cache-builder",
            "127.0.0.1:5000/acme/app:cache-runtime");
    assertThat(passes).allSatisfy(p -> assertThat(p.cacheFrom()).isEqualTo(allCaches));
    assertThat(passes).allSatisfy(p -> assertThat(p.inlineCache()).isTrue());
    assertThat(passes.get(1).tags()).containsExactly("127.0.0.1:5000/acme/app:cache-python-deps");
    assertThat(passes.get(4).tags())
        .containsExactly(
            "127.0.0.1:5000/acme/app:latest",
            "127.0.0.1:5000/acme/app:sha-0123456",
            "127.0.0.1:5000/acme/app:cache-runtime");
    assertThat(passes.get(4).labels())
        .containsEntry("org.opencontainers.image.revision", "0123456789");
    assertThat(passes.subList(0, 4)).allSatisfy(p -> assertThat(p.labels()).isEmpty());
  }

  @Test
  void pushesEachStageCacheOnlyWhenFullyBuiltThenTheTagsAfterTheGuard() {
    BuildPlan plan =
        planner.plan(inputs(CacheMode.REGISTRY, new BuildOptions(true, false, false), Set.of()));

    List<String> kinds = plan.steps().stream().map(s -> s.getClass().getSimpleName()).toList();
    assertThat(kinds)
        .containsExactly(
            "BuildStage",
            "BuildStage",
            "BuildStage",
            "BuildStage",
            "BuildStage",
            "CheckGuards",
            "PushStageCache",
            "PushStageCache",
            "PushStageCache",
            "PushStageCache",
            "PushStageCache",
            "PushTag",
            "PushTag");
    assertThat(steps(plan, PushStageCache.class))
        .allSatisfy(
            p ->
                assertThat(p.policy()).isEqualTo(BuildStep.CachePushPolicy.WHEN_STAGE_FULLY_BUILT));
    assertThat(steps(plan, PushTag.class))
        .extracting(p -> p.reference().toString())
        .containsExactly("127.0.0.1:5000/acme/app:latest", "127.0.0.1:5000/acme/app:sha-0123456");
  }

  @Test
  void withoutPushNothingIsPushed() {
    BuildPlan plan =
        planner.plan(inputs(CacheMode.REGISTRY, new BuildOptions(false, false, false), Set.of()));

    assertThat(steps(plan, PushStageCache.class)).isEmpty();
    assertThat(steps(plan, PushTag.class)).isEmpty();
  }

  @Test
  void refreshCacheIgnoresCacheSourcesAndReplacesEveryStageCache() {
    BuildPlan plan =
        planner.plan(inputs(CacheMode.REGISTRY, new BuildOptions(true, false, true), Set.of()));

    assertThat(steps(plan, BuildStage.class))
        .allSatisfy(
            p -> {
              assertThat(p.cacheFrom()).isEmpty();
              assertThat(p.noCache()).isTrue();
            });
    assertThat(steps(plan, PushStageCache.class))
        .hasSize(5)
        .allSatisfy(p -> assertThat(p.policy()).isEqualTo(BuildStep.CachePushPolicy.ALWAYS));
  }

  @Test
  void noCacheBuildsEveryStepAndWritesNoCache() {
    BuildPlan plan =
        planner.plan(inputs(CacheMode.REGISTRY, new BuildOptions(true, true, false), Set.of()));

    assertThat(steps(plan, BuildStage.class)).allSatisfy(p -> assertThat(p.noCache()).isTrue());
    assertThat(steps(plan, PushStageCache.class)).isEmpty();
    assertThat(steps(plan, PushTag.class)).hasSize(2);
  }

  @Test
  void inlineCacheBuildsOnceFromLatestLikeTheUsualWorkflow() {
    BuildPlan plan =
        planner.plan(inputs(CacheMode.INLINE, new BuildOptions(true, false, false), Set.of()));

    List<BuildStage> passes = steps(plan, BuildStage.class);
    assertThat(passes)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.stage()).isEqualTo("runtime");
              assertThat(p.cacheFrom()).containsExactly("127.0.0.1:5000/acme/app:latest");
              assertThat(p.inlineCache()).isTrue();
            });
  }

  @Test
  void cacheNoneUsesNoCacheSource() {
    BuildPlan plan =
        planner.plan(inputs(CacheMode.NONE, new BuildOptions(true, false, false), Set.of()));

    assertThat(steps(plan, BuildStage.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.cacheFrom()).isEmpty();
              assertThat(p.inlineCache()).isFalse();
            });
  }

  @Test
  void pullsBaseAndCacheImagesFirstWhenTheirRegistryNeedsCredentials() {
    BuildPlan plan =
        planner.plan(
            inputs(
                CacheMode.REGISTRY,
                new BuildOptions(true, false, false),
                Set.of("127.0.0.1:5000")));

    List<PullImage> pulls = steps(plan, PullImage.class);
    assertThat(pulls.get(0).image().toString()).isEqualTo("127.0.0.1:5000/dray/busybox:1");
    assertThat(pulls.get(0).optional()).isFalse();
    assertThat(pulls.subList(1, pulls.size()))
        .hasSize(5)
        .allSatisfy(p -> assertThat(p.optional()).isTrue());
    assertThat(plan.steps().get(0)).isInstanceOf(PullImage.class);
  }

  @Test
  void aTargetStageBuildsOnlyWhatItNeeds() {
    BuildInputs in = inputs(CacheMode.REGISTRY, new BuildOptions(false, false, false), Set.of());
    BuildPlan plan = planner.plan(withTarget(in, "builder"));

    assertThat(plan.stages()).containsExactly("base", "python-deps", "node-deps", "builder");
  }

  @Test
  void anUnknownTargetIsAnErrorNamingTheStages() {
    BuildInputs in =
        withTarget(
            inputs(CacheMode.REGISTRY, new BuildOptions(false, false, false), Set.of()), "tests");

    assertThatThrownBy(() -> planner.plan(in))
        .isInstanceOf(DockerfileException.class)
        .hasMessageContaining("tests")
        .hasMessageContaining("python-deps");
  }

  @Test
  void twoPlatformsAreRefusedWithAHint() {
    BuildInputs base = inputs(CacheMode.REGISTRY, new BuildOptions(false, false, false), Set.of());
    BuildInputs in =
        new BuildInputs(
            base.service(),
            base.repository(),
            base.context(),
            base.dockerfilePath(),
            base.dockerfile(),
            base.target(),
            base.buildArgs(),
            List.of("linux/amd64", "linux/arm64"),
            base.cache(),
            base.maxSizeBytes(),
            base.maxLayers(),
            base.extraPulls(),
            base.tags(),
            base.labels(),
            base.options(),
            base.hostsWithCredentials());

    assertThatThrownBy(() -> planner.plan(in))
        .isInstanceOf(BuildConfigException.class)
        .hasMessageContaining("2 platforms");
  }

  @Test
  void noCacheAndRefreshCacheTogetherAreRefused() {
    assertThatThrownBy(() -> new BuildOptions(true, true, true))
        .isInstanceOf(BuildConfigException.class);
  }

  private static BuildInputs withTarget(BuildInputs b, String target) {
    return new BuildInputs(
        b.service(),
        b.repository(),
        b.context(),
        b.dockerfilePath(),
        b.dockerfile(),
        Optional.of(target),
        b.buildArgs(),
        b.platforms(),
        b.cache(),
        b.maxSizeBytes(),
        b.maxLayers(),
        b.extraPulls(),
        b.tags(),
        b.labels(),
        b.options(),
        b.hostsWithCredentials());
  }

  private static BuildInputs inputs(
      CacheMode cache, BuildOptions options, Set<String> hostsWithCredentials) {
    Dockerfile dockerfile = DockerfileParser.parse(FIVE_STAGES, "Dockerfile");
    return new BuildInputs(
        "app",
        REPO,
        Path.of("/work/app"),
        "Dockerfile",
        dockerfile,
        Optional.of("runtime"),
        Map.of(),
        List.of(),
        cache,
        OptionalLong.empty(),
        OptionalInt.empty(),
        List.of(),
        List.of("latest", "sha-0123456"),
        Map.of("org.opencontainers.image.revision", "0123456789"),
        options,
        hostsWithCredentials);
  }

  private static <T extends BuildStep> List<T> steps(BuildPlan plan, Class<T> type) {
    return plan.steps().stream().filter(type::isInstance).map(type::cast).toList();
  }
}
