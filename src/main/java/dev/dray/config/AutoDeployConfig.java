package dev.dray.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code dray server} deploys by itself, and how it learns of it: a watched tag, a semver
 * range of tags, GitHub pushes to branches and of tags, and the names of the environment variables
 * holding the webhook secrets (never the secrets).
 *
 * @param watch poll the registry for a new digest of one tag; empty: no polling
 * @param tag the tag followed through registry notifications, without polling; {@link
 *     #followedTag()} is this or the watched tag
 * @param semver follow image tags in this range, pushed to the registry or as GitHub tags
 * @param branches GitHub pushes to these branches build and deploy (globs: {@code release/*})
 * @param tags GitHub tag pushes matching these globs (such as {@code v*}) deploy that version
 * @param githubRepository the GitHub repository ({@code owner/name}) whose webhooks this app
 *     follows; empty: any repository whose webhook is signed with the app's secret
 * @param githubSecretEnv the environment variable holding the GitHub webhook secret
 * @param registrySecretEnv the environment variable holding the registry notification secret
 */
public record AutoDeployConfig(
    Optional<WatchConfig> watch,
    Optional<String> tag,
    Optional<SemverRange> semver,
    List<String> branches,
    List<String> tags,
    Optional<String> githubRepository,
    Optional<String> githubSecretEnv,
    Optional<String> registrySecretEnv) {

  public AutoDeployConfig {
    Objects.requireNonNull(watch, "watch");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(semver, "semver");
    Objects.requireNonNull(githubRepository, "githubRepository");
    Objects.requireNonNull(githubSecretEnv, "githubSecretEnv");
    Objects.requireNonNull(registrySecretEnv, "registrySecretEnv");
    branches = List.copyOf(branches);
    tags = List.copyOf(tags);
  }

  /** The image tag that deploys when it changes: {@code tag}, else the watched one. */
  public Optional<String> followedTag() {
    return tag.or(() -> watch.map(WatchConfig::tag));
  }

  /**
   * Reads {@code auto_deploy}; empty when the key is absent. Problems are recorded on the nodes and
   * the result is only meaningful when there are none.
   */
  static Optional<AutoDeployConfig> read(ConfigNode node) {
    if (!node.isPresent()) {
      return Optional.empty();
    }
    ConfigNode watchNode = node.get("watch");
    Optional<WatchConfig> watch =
        watchNode.isPresent() ? Optional.of(WatchConfig.read(watchNode)) : Optional.empty();
    ConfigNode tagNode = node.get("tag");
    Optional<String> tag = tagNode.text();
    ConfigNode semverNode = node.get("semver");
    Optional<SemverRange> semver = Optional.empty();
    if (semverNode.isPresent()) {
      String text = semverNode.text("");
      Optional<String> problem = SemverRange.problem(text);
      if (problem.isPresent()) {
        semverNode.problem("expected " + SemverRange.EXPECTED + ": " + problem.get());
      } else {
        semver = Optional.of(SemverRange.parse(text));
      }
    }
    List<String> branches = node.get("branches").strings();
    List<String> tags = node.get("tags").strings();
    Optional<String> githubSecretEnv = node.get("github_secret_env").text();
    Optional<String> registrySecretEnv = node.get("registry_secret_env").text();
    if (!watchNode.isPresent()
        && tag.isEmpty()
        && !semverNode.isPresent()
        && branches.isEmpty()
        && tags.isEmpty()) {
      node.keyProblem(
          "auto_deploy follows nothing: set tag (registry notifications), watch (poll a tag),"
              + " semver (a range of tags), branches or tags (GitHub pushes)");
    }
    if (tag.isPresent() && watch.isPresent() && !tag.get().equals(watch.get().tag())) {
      tagNode.problem(
          "tag "
              + tag.get()
              + " differs from watch.tag "
              + watch.get().tag()
              + ": an app follows one tag; drop one of them");
    }
    if (tag.isPresent() && registrySecretEnv.isEmpty() && watch.isEmpty()) {
      tagNode.keyProblem(
          "a tag is followed through registry notifications: set registry_secret_env, or watch"
              + " to poll it");
    }
    if ((!branches.isEmpty() || !tags.isEmpty()) && githubSecretEnv.isEmpty()) {
      node.get(branches.isEmpty() ? "tags" : "branches")
          .keyProblem(
              "GitHub pushes are only trusted when signed: set github_secret_env to the name of"
                  + " the environment variable holding the webhook secret");
    }
    if (semver.isPresent() && registrySecretEnv.isEmpty() && tags.isEmpty()) {
      semverNode.keyProblem(
          "a semver range is followed through registry notifications or GitHub tag pushes: set"
              + " registry_secret_env, or tags");
    }
    return Optional.of(
        new AutoDeployConfig(
            watch,
            tag,
            semver,
            branches,
            tags,
            node.get("github_repository").text(),
            githubSecretEnv,
            registrySecretEnv));
  }
}
