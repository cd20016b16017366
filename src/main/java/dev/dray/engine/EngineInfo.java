package dev.dray.engine;

import java.util.Objects;
import java.util.Set;

/**
 * What a Docker Engine is: the API version dray speaks with it, its version and platform, whether
 * it builds with BuildKit, its container runtimes (such as {@code nvidia}) and storage.
 */
public record EngineInfo(
    ApiVersion apiVersion,
    String serverVersion,
    String os,
    String arch,
    boolean buildKit,
    Set<String> runtimes,
    String dockerRootDir,
    String driver) {

  public EngineInfo {
    Objects.requireNonNull(apiVersion, "apiVersion");
    runtimes = Set.copyOf(runtimes);
  }

  /** Whether a runtime of that name (such as {@code nvidia}) is configured. */
  public boolean hasRuntime(String name) {
    return runtimes.contains(name);
  }
}
