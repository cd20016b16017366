package dev.dray.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@link GitContext} from a GitLab CI job's predefined variables.
 *
 * <p>A tag pipeline ({@code CI_COMMIT_TAG}) gives {@code refs/tags/…}, a merge request pipeline
 * gives event {@code pull_request} and ref {@code refs/pull/<iid>/merge}, otherwise {@code
 * refs/heads/<CI_COMMIT_REF_NAME>}. {@code CI_PIPELINE_SOURCE} {@code schedule} and {@code web} map
 * to the GitHub event names {@code schedule} and {@code workflow_dispatch}; everything else is
 * {@code push}.
 */
public final class GitLabCiContext implements GitContextStrategy {

  @Override
  public String name() {
    return "GitLab CI";
  }

  @Override
  public String requirement() {
    return "GITLAB_CI=true";
  }

  @Override
  public boolean appliesTo(Map<String, String> env, Path dir) {
    return "true".equals(env.get("GITLAB_CI"));
  }

  @Override
  public GitContext resolve(Map<String, String> env, Path dir) {
    List<String> missing = new ArrayList<>();
    for (String name : List.of("CI_COMMIT_SHA", "CI_COMMIT_REF_NAME")) {
      if (env.getOrDefault(name, "").isBlank()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new GitContextException(
          "missing " + String.join(", ", missing),
          "dray reads these variables that GitLab CI sets for every job");
    }
    String source = env.getOrDefault("CI_PIPELINE_SOURCE", "push");
    String event =
        switch (source) {
          case "merge_request_event" -> "pull_request";
          case "schedule" -> "schedule";
          case "web" -> "workflow_dispatch";
          default -> "push";
        };
    String tag = env.getOrDefault("CI_COMMIT_TAG", "");
    String iid = env.getOrDefault("CI_MERGE_REQUEST_IID", "");
    String ref;
    if (!tag.isEmpty()) {
      ref = "refs/tags/" + tag;
    } else if (event.equals("pull_request") && !iid.isEmpty()) {
      ref = "refs/pull/" + iid + "/merge";
    } else {
      ref = "refs/heads/" + env.get("CI_COMMIT_REF_NAME");
    }
    String defaultBranch = env.getOrDefault("CI_DEFAULT_BRANCH", "");
    if (defaultBranch.isBlank()) {
      defaultBranch = env.getOrDefault("DRAY_DEFAULT_BRANCH", "main");
    }
    return new GitContext(
        event,
        ref,
        env.get("CI_COMMIT_SHA"),
        defaultBranch,
        GitHubActionsContext.instant(env.getOrDefault("CI_COMMIT_TIMESTAMP", "")),
        env.getOrDefault("CI_PROJECT_URL", ""),
        env.getOrDefault("CI_PROJECT_NAME", ""),
        env.getOrDefault("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", ""));
  }
}
