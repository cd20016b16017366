package dev.dray.build;

/**
 * How the user asked to build.
 *
 * @param push push the tags (and the stage cache images) to the registry
 * @param noCache build every step; use no cache source and push no cache image
 * @param refreshCache build every step and replace every stage's cache image in the registry
 */
public record BuildOptions(boolean push, boolean noCache, boolean refreshCache) {
  public BuildOptions {
    if (noCache && refreshCache) {
      throw new BuildConfigException(
          "--no-cache and --refresh-cache contradict each other",
          "use --no-cache to ignore the cache, or --refresh-cache to rebuild and replace it");
    }
  }
}
