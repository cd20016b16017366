package dev.dray.config;

import java.util.Locale;

/** Where a build keeps its stage caches between runs. */
public enum CacheMode {
  /** Every stage's cache as an image in the registry, next to the image (the default). */
  REGISTRY,
  /** Inline cache in the final image only: dependency stages are not cached. */
  INLINE,
  /** No cache import or export. */
  NONE;

  /** The value as written in dray.yml, such as {@code registry}. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode written as {@code value} in dray.yml. */
  public static CacheMode fromConfigValue(String value) {
    for (CacheMode mode : values()) {
      if (mode.configValue().equals(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown cache mode '" + value + "'");
  }
}
