package dev.dray.build;

import dev.dray.image.ImageRef;

/**
 * Names the registry image that keeps one Dockerfile stage's build cache: {@code
 * <repository>:cache-<stage>}. Each such image carries inline cache metadata for its own chain of
 * layers, so together they restore every stage on a fresh runner.
 */
public final class StageCache {
  private StageCache() {}

  /** The cache image of {@code stage} in {@code repository}. */
  public static ImageRef imageFor(ImageRef repository, String stage) {
    String tag =
        "cache-" + stage.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
    return repository.withTag(tag.length() > 128 ? tag.substring(0, 128) : tag);
  }
}
