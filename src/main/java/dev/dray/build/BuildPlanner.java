package dev.dray.build;

import dev.dray.build.BuildStep.BuildStage;
import dev.dray.build.BuildStep.CheckGuards;
import dev.dray.build.BuildStep.PullImage;
import dev.dray.build.BuildStep.PushStageCache;
import dev.dray.build.BuildStep.PushTag;
import dev.dray.dockerfile.Stage;
import dev.dray.image.ImageRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes a {@link BuildPlan} from {@link BuildInputs} without side effects.
 *
 * <p>With {@code cache: registry} every stage the target needs gets its own BuildKit pass with
 * {@code --target}, tagged {@code <repository>:cache-<stage>} with inline cache metadata, and all
 * of those images serve as cache sources for every pass. {@code inline} builds once with {@code
 * <repository>:latest} as cache source (covers the final stage only); {@code none} uses no cache
 * source.
 *
 * <p>A stage's cache image is replaced only when every step of the stage ran: an image built partly
 * from cache carries incomplete cache metadata (see {@link BuildStep.PushStageCache}).
 */
public final class BuildPlanner {

  /** Computes the plan. */
  public BuildPlan plan(BuildInputs in) {
    String targetId = in.target().orElseGet(() -> in.dockerfile().finalStage().id());
    List<Stage> stages = in.dockerfile().stagesFor(targetId);
    Stage target = stages.get(stages.size() - 1);
    Optional<String> platform = platformOf(in);
    List<ImageRef> releaseRefs = in.tags().stream().map(in.repository()::withTag).toList();
    BuildOptions options = in.options();

    List<BuildStep> steps = new ArrayList<>(prePulls(in, targetId));
    List<BuildStep> cachePushes = new ArrayList<>();
    switch (in.cache()) {
      case REGISTRY -> planRegistryCache(in, stages, target, releaseRefs, steps, cachePushes);
      case INLINE -> {
        List<String> cacheFrom =
            options.noCache() || options.refreshCache()
                ? List.of()
                : List.of(in.repository().withTag("latest").toString());
        steps.add(targetPass(in, target, refs(releaseRefs), cacheFrom, true));
      }
      case NONE -> steps.add(targetPass(in, target, refs(releaseRefs), List.of(), false));
    }
    steps.add(new CheckGuards(in.maxSizeBytes(), in.maxLayers()));
    steps.addAll(cachePushes);
    if (options.push()) {
      releaseRefs.forEach(ref -> steps.add(new PushTag(ref)));
    }
    return new BuildPlan(
        in.service(),
        in.repository(),
        in.context(),
        in.dockerfilePath(),
        target.id(),
        stages.stream().map(Stage::id).toList(),
        in.buildArgs(),
        platform,
        in.tags(),
        steps);
  }

  private static void planRegistryCache(
      BuildInputs in,
      List<Stage> stages,
      Stage target,
      List<ImageRef> releaseRefs,
      List<BuildStep> steps,
      List<BuildStep> cachePushes) {
    BuildOptions options = in.options();
    boolean rebuild = options.noCache() || options.refreshCache();
    List<ImageRef> cacheRefs =
        stages.stream().map(s -> StageCache.imageFor(in.repository(), s.id())).toList();
    List<String> cacheFrom = rebuild ? List.of() : refs(cacheRefs);
    if (!rebuild && in.hostsWithCredentials().contains(in.repository().registry())) {
      cacheRefs.forEach(
          ref ->
              steps.add(
                  new PullImage(ref, true, "cache image in a registry that needs credentials")));
    }
    for (int i = 0; i < stages.size() - 1; i++) {
      steps.add(
          new BuildStage(
              stages.get(i).id(),
              false,
              List.of(cacheRefs.get(i).toString()),
              cacheFrom,
              true,
              rebuild,
              Map.of()));
    }
    List<String> targetTags = new ArrayList<>(refs(releaseRefs));
    targetTags.add(cacheRefs.get(cacheRefs.size() - 1).toString());
    steps.add(targetPass(in, target, targetTags, cacheFrom, true));
    if (options.push() && !options.noCache()) {
      for (int i = 0; i < stages.size(); i++) {
        cachePushes.add(
            new PushStageCache(
                stages.get(i).id(),
                cacheRefs.get(i),
                options.refreshCache()
                    ? BuildStep.CachePushPolicy.ALWAYS
                    : BuildStep.CachePushPolicy.WHEN_STAGE_FULLY_BUILT));
      }
    }
  }

  private static BuildStage targetPass(
      BuildInputs in, Stage target, List<String> tags, List<String> cacheFrom, boolean inline) {
    boolean rebuild = in.options().noCache() || in.options().refreshCache();
    return new BuildStage(target.id(), true, tags, cacheFrom, inline, rebuild, in.labels());
  }

  private static List<PullImage> prePulls(BuildInputs in, String targetId) {
    Set<String> seen = new LinkedHashSet<>();
    List<PullImage> pulls = new ArrayList<>();
    for (ImageRef ref : in.dockerfile().externalBaseImages(targetId, in.buildArgs())) {
      if (in.hostsWithCredentials().contains(ref.registry()) && seen.add(ref.toString())) {
        pulls.add(new PullImage(ref, false, "base image in a registry that needs credentials"));
      }
    }
    for (String extra : in.extraPulls()) {
      ImageRef ref = ImageRef.parse(extra);
      if (seen.add(ref.toString())) {
        pulls.add(new PullImage(ref, false, "listed in build.pull"));
      }
    }
    return pulls;
  }

  private static Optional<String> platformOf(BuildInputs in) {
    if (in.platforms().size() > 1) {
      throw new BuildConfigException(
          "build.platforms lists "
              + in.platforms().size()
              + " platforms; the Docker Engine API builds one platform per image",
          "build one platform per run (e.g. platforms: [linux/arm64]) or use buildx with a"
              + " container driver for multi-platform manifests");
    }
    return in.platforms().stream().findFirst();
  }

  private static List<String> refs(List<ImageRef> refs) {
    return refs.stream().map(ImageRef::toString).toList();
  }
}
