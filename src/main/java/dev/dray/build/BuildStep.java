package dev.dray.build;

import dev.dray.image.ImageRef;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One step of a {@link BuildPlan}: data only, executed by {@link BuildRunner}. */
public sealed interface BuildStep {

  /** A one-line description for {@code dray build --plan}. */
  String describe();

  /**
   * Pull an image with registry credentials before BuildKit runs (BuildKit driven through the
   * Engine API has no session to ask for credentials). {@code optional}: a missing image is fine.
   */
  record PullImage(ImageRef image, boolean optional, String reason) implements BuildStep {
    @Override
    public String describe() {
      return "pull " + image + (optional ? " (if present)" : "") + " — " + reason;
    }
  }

  /**
   * One BuildKit pass with {@code --target stage}, tagged {@code tags}, using {@code cacheFrom} as
   * cache sources. {@code inlineCache} embeds cache metadata so the image can serve as a cache
   * source for a later run.
   */
  record BuildStage(
      String stage,
      boolean isTarget,
      List<String> tags,
      List<String> cacheFrom,
      boolean inlineCache,
      boolean noCache,
      Map<String, String> labels)
      implements BuildStep {
    public BuildStage {
      tags = List.copyOf(tags);
      cacheFrom = List.copyOf(cacheFrom);
      labels = Map.copyOf(labels);
    }

    @Override
    public String describe() {
      return "build stage "
          + stage
          + (isTarget ? " (target)" : "")
          + " → "
          + String.join(", ", tags)
          + (noCache
              ? "; no cache"
              : cacheFrom.isEmpty() ? "" : "; cache from " + cacheFrom.size() + " image(s)")
          + (inlineCache ? "; inline cache" : "");
    }
  }

  /**
   * Push a stage's cache image, when {@code policy} says so. An image whose steps partly came from
   * cache carries incomplete cache metadata for those steps (measured: a fresh runner then re-runs
   * them every second build), so by default only a stage built entirely afresh replaces its cache
   * image — or one that has no cache image in the registry yet.
   */
  record PushStageCache(String stage, ImageRef cacheImage, CachePushPolicy policy)
      implements BuildStep {
    @Override
    public String describe() {
      return "push "
          + cacheImage
          + switch (policy) {
            case ALWAYS -> "";
            case WHEN_STAGE_FULLY_BUILT ->
                " if every step of stage " + stage + " ran (or the registry has none yet)";
          };
    }
  }

  /** When a stage's cache image replaces the one in the registry. */
  enum CachePushPolicy {
    /** Every time ({@code --refresh-cache}). */
    ALWAYS,
    /** When no step of the stage came from cache, or the registry has no cache image yet. */
    WHEN_STAGE_FULLY_BUILT
  }

  /** Fail before anything is pushed when the image is larger or has more layers than allowed. */
  record CheckGuards(OptionalLong maxSizeBytes, OptionalInt maxLayers) implements BuildStep {
    @Override
    public String describe() {
      if (maxSizeBytes.isEmpty() && maxLayers.isEmpty()) {
        return "inspect the image (size, layers)";
      }
      StringBuilder sb = new StringBuilder("check");
      maxSizeBytes.ifPresent(b -> sb.append(" size ≤ ").append(ByteSize.format(b)));
      maxLayers.ifPresent(l -> sb.append(" layers ≤ ").append(l));
      return sb.toString();
    }
  }

  /** Push one tag of the built image. */
  record PushTag(ImageRef reference) implements BuildStep {
    @Override
    public String describe() {
      return "push " + reference;
    }
  }
}
