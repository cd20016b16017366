package dev.dray.image;

import java.nio.file.Path;
import java.util.Map;

/**
 * One way of discovering the {@link GitContext}: from a CI system's environment or from a local
 * repository.
 */
public interface GitContextStrategy {

  /** A short name for failure messages, such as {@code GitHub Actions}. */
  String name();

  /** What must hold for this strategy to apply, such as {@code GITHUB_ACTIONS=true}. */
  String requirement();

  /** Whether this strategy applies to the given environment and working directory. */
  boolean appliesTo(Map<String, String> env, Path dir);

  /**
   * Reads the context.
   *
   * @throws GitContextException when the strategy applies but something it needs is missing
   */
  GitContext resolve(Map<String, String> env, Path dir);
}
