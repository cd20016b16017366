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
   * Push a stage's cache image. With {@code onlyIfStageRan} it is skipped when every step of the
   * stage came from cache: an image rebuilt purely from cache carries degraded cache metadata.
   */
  record PushStageCache(String stage, ImageRef cacheImage, boolean onlyIfStageRan)
      implements BuildStep {
    @Override
    public String describe() {
      return "push " + cacheImage + (onlyIfStageRan ? " if stage " + stage + " ran a step" : "");
    }
  }

  /** Fail before anything is pushed when the image is larger or has more layers than allowed. */
  record CheckGuards(OptionalLong maxSizeBytes, OptionalInt maxLayers) implements BuildStep {
    @Override
    public String describe() {
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
