package dev.dray.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub Actions and GitLab CI environments, and the resolver's order and failure report. */
class CiContextTest {
  @TempDir Path dir;

  private static Map<String, String> github(String event, String ref) {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_EVENT_NAME", event);
    env.put("GITHUB_REF", ref);
    env.put("GITHUB_SHA", Builds.SHA);
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_REPOSITORY", "octocat/Hello-World");
    return env;
  }

  @Test
  void githubActionsReadsEnvironmentAndPayload() throws Exception {
    Path event = dir.resolve("event.json");
    Files.writeString(
        event,
        """
        {"repository": {"default_branch": "trunk"},
         "head_commit": {"id": "%s", "timestamp": "2020-01-10T01:30:00+01:00"}}
        """
            .formatted(Builds.SHA));
    Map<String, String> env = github("push", "refs/heads/trunk");
    env.put("GITHUB_EVENT_PATH", event.toString());
    GitContext git = new GitHubActionsContext().resolve(env, dir);
    assertThat(git)
        .isEqualTo(
            new GitContext(
                "push",
                "refs/heads/trunk",
                Builds.SHA,
                "trunk",
                java.util.Optional.of(Instant.parse("2020-01-10T00:30:00Z")),
                "https://github.com/octocat/Hello-World",
                "Hello-World",
                ""));
    assertThat(git.isDefaultBranch()).isTrue();
  }

  @Test
  void githubDefaultBranchFallsBackToEnvThenMain() {
    Map<String, String> env = github("push", "refs/heads/dev");
    assertThat(new GitHubActionsContext().resolve(env, dir).defaultBranch()).isEqualTo("main");
    env.put("DRAY_DEFAULT_BRANCH", "develop");
    assertThat(new GitHubActionsContext().resolve(env, dir).defaultBranch()).isEqualTo("develop");
  }

  @Test
  void githubPullRequestTargetUsesThePullRequestRef() throws Exception {
    Path event = dir.resolve("event.json");
    Files.writeString(
        event,
        """
        {"number": 15, "pull_request": {"base": {"ref": "main"}, "head": {"sha": "%s"}}}
        """
            .formatted("a".repeat(40)));
    Map<String, String> env = github("pull_request_target", "refs/heads/main");
    env.put("GITHUB_EVENT_PATH", event.toString());
    GitContext git = new GitHubActionsContext().resolve(env, dir);
    assertThat(git.ref()).isEqualTo("refs/pull/15/merge");
    assertThat(git.baseRef()).isEqualTo("main");
    assertThat(git.sha()).isEqualTo(Builds.SHA);
    env.put("DOCKER_METADATA_PR_HEAD_SHA", "true");
    assertThat(new GitHubActionsContext().resolve(env, dir).sha()).isEqualTo("a".repeat(40));
  }

  @Test
  void githubMissingVariablesAreNamed() {
    Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_REF", "refs/heads/x");
    assertThatThrownBy(() -> new GitHubActionsContext().resolve(env, dir))
        .isInstanceOf(GitContextException.class)
        .hasMessage("missing GITHUB_EVENT_NAME, GITHUB_SHA");
  }

  @Test
  void githubMalformedPayloadIsAnError() throws Exception {
    Path event = Files.writeString(dir.resolve("event.json"), "{not json");
    Map<String, String> env = github("push", "refs/heads/x");
    env.put("GITHUB_EVENT_PATH", event.toString());
    assertThatThrownBy(() -> new GitHubActionsContext().resolve(env, dir))
        .isInstanceOf(GitContextException.class)
        .hasMessageContaining("cannot read the event payload");
  }

  @Test
  void gitlabTagBranchAndMergeRequestPipelines() {
    Map<String, String> env = new HashMap<>();
    env.put("GITLAB_CI", "true");
    env.put("CI_COMMIT_SHA", Builds.SHA);
    env.put("CI_COMMIT_REF_NAME", "feature/x");
    env.put("CI_DEFAULT_BRANCH", "main");
    env.put("CI_PROJECT_URL", "https://gitlab.com/acme/app");
    env.put("CI_PROJECT_NAME", "app");
    env.put("CI_COMMIT_TIMESTAMP", "2020-01-10T00:30:00+00:00");
    GitLabCiContext gitlab = new GitLabCiContext();
    GitContext branch = gitlab.resolve(env, dir);
    assertThat(branch.eventName()).isEqualTo("push");
    assertThat(branch.ref()).isEqualTo("refs/heads/feature/x");
    assertThat(branch.repositoryUrl()).isEqualTo("https://gitlab.com/acme/app");
    assertThat(branch.commitDate()).contains(Instant.parse("2020-01-10T00:30:00Z"));

    env.put("CI_COMMIT_TAG", "v1.2.3");
    assertThat(gitlab.resolve(env, dir).ref()).isEqualTo("refs/tags/v1.2.3");

    env.remove("CI_COMMIT_TAG");
    env.put("CI_PIPELINE_SOURCE", "merge_request_event");
    env.put("CI_MERGE_REQUEST_IID", "7");
    env.put("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main");
    GitContext mr = gitlab.resolve(env, dir);
    assertThat(mr.eventName()).isEqualTo("pull_request");
    assertThat(mr.ref()).isEqualTo("refs/pull/7/merge");
    assertThat(mr.baseRef()).isEqualTo("main");

    env.put("CI_PIPELINE_SOURCE", "schedule");
    assertThat(gitlab.resolve(env, dir).eventName()).isEqualTo("schedule");
  }

  @Test
  void resolverTakesTheFirstStrategyThatAppliesAndSucceeds() {
    GitContextResolver resolver =
        new GitContextResolver(
            List.of(new GitHubActionsContext(), new GitLabCiContext(), new LocalGitContext()));
    Map<String, String> env = github("push", "refs/heads/dev");
    env.put("GITLAB_CI", "true");
    assertThat(resolver.resolve(env, dir).repositoryName()).isEqualTo("Hello-World");
  }

  @Test
  void resolverFailureListsEveryAttempt() {
    Map<String, String> env = Map.of("GITHUB_ACTIONS", "true");
    assertThatThrownBy(() -> GitContextResolver.standard().resolve(env, dir))
        .isInstanceOfSatisfying(
            GitContextException.class,
            e -> {
              assertThat(e.attempts())
                  .containsExactly(
                      "GitHub Actions: missing GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_SHA",
                      "GitLab CI: not applicable (needs GITLAB_CI=true)",
                      "local git repository: not applicable (needs a git repository in the"
                          + " working directory and the git executable)");
              assertThat(e.getMessage()).contains("GitHub Actions: missing GITHUB_EVENT_NAME");
              assertThat(e.hint()).get().asString().contains("--ref and --sha");
            });
  }
}
