package dev.dray.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the {@link GitContext} of the current build by trying an ordered list of strategies; the
 * first that applies and succeeds wins.
 *
 * <p>The standard order is GitHub Actions, GitLab CI, then the local Git repository in the working
 * directory. The environment and directory are parameters so callers (and tests) control them.
 */
public final class GitContextResolver {
  private final List<GitContextStrategy> strategies;

  public GitContextResolver(List<GitContextStrategy> strategies) {
    if (strategies.isEmpty()) {
      throw new IllegalArgumentException("at least one strategy is needed");
    }
    this.strategies = List.copyOf(strategies);
  }

  /** GitHub Actions, GitLab CI, local {@code git}, in that order. */
  public static GitContextResolver standard() {
    return new GitContextResolver(
        List.of(new GitHubActionsContext(), new GitLabCiContext(), new LocalGitContext()));
  }

  /** The strategies in the order they are tried. */
  public List<GitContextStrategy> strategies() {
    return strategies;
  }

  /**
   * Returns the context from the first strategy that applies and succeeds.
   *
   * @throws GitContextException listing every attempt when none gave a context
   */
  public GitContext resolve(Map<String, String> env, Path dir) {
    List<String> attempts = new ArrayList<>();
    for (GitContextStrategy strategy : strategies) {
      if (!strategy.appliesTo(env, dir)) {
        attempts.add(strategy.name() + ": not applicable (needs " + strategy.requirement() + ")");
        continue;
      }
      try {
        return strategy.resolve(env, dir);
      } catch (GitContextException e) {
        attempts.add(strategy.name() + ": " + e.getMessage());
      }
    }
    throw new GitContextException(
        "could not determine the Git context of this build: " + String.join("; ", attempts),
        "run dray inside a Git repository with at least one commit, or in CI, or pass"
            + " --ref and --sha explicitly",
        attempts);
  }
}
