package dev.dray.trigger;

import dev.dray.config.AutoDeployConfig;
import dev.dray.config.SemverRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which versions of an app deploy by themselves: an exact tag (such as {@code latest}), tags in a
 * semver range, GitHub pushes to branches, GitHub tag pushes matching globs.
 *
 * @param tag the exact image tag to follow
 * @param semverRange image tags in this range ({@link SemverRange}); a pre-release only when the
 *     range names one
 * @param branches branch globs whose pushes build and deploy
 * @param tagPatterns Git tag globs, such as {@code v*}, whose pushes deploy
 */
public record DeployPolicy(
    String app,
    Optional<String> tag,
    Optional<String> semverRange,
    List<String> branches,
    List<String> tagPatterns) {

  public DeployPolicy {
    if (app == null || app.isBlank()) {
      throw new IllegalArgumentException("app is blank");
    }
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(semverRange, "semverRange");
    semverRange.ifPresent(SemverRange::parse); // throws IllegalArgumentException when invalid
    branches = List.copyOf(branches);
    tagPatterns = List.copyOf(tagPatterns);
    branches.forEach(Glob::of);
    tagPatterns.forEach(Glob::of);
  }

  /** The policy {@code auto_deploy} describes: the watched tag, the range, branches and tags. */
  public static DeployPolicy of(String app, AutoDeployConfig config) {
    return new DeployPolicy(
        app,
        config.followedTag(),
        config.semver().map(SemverRange::text),
        config.branches(),
        config.tags());
  }

  /** Whether the image tag {@code version} deploys: it is the followed tag, or in the range. */
  public boolean accepts(String version) {
    if (tag.isPresent() && tag.get().equals(version)) {
      return true;
    }
    return semverRange.map(r -> SemverRange.parse(r).includes(version)).orElse(false);
  }

  /** Whether a push to {@code branch} (without {@code refs/heads/}) builds and deploys. */
  public boolean followsBranch(String branch) {
    return branches.stream().anyMatch(b -> Glob.of(b).matches(branch));
  }

  /** Whether the Git tag {@code gitTag} (without {@code refs/tags/}) matches a tag pattern. */
  public boolean followsGitTag(String gitTag) {
    return tagPatterns.stream().anyMatch(p -> Glob.of(p).matches(gitTag));
  }

  /**
   * The version a push of the Git tag {@code gitTag} (without {@code refs/tags/}) deploys: the tag
   * without a leading {@code v} when the policy follows a semver range (and only inside it), else
   * the tag as pushed; empty when no tag pattern matches.
   */
  public Optional<String> versionOfGitTag(String gitTag) {
    if (!followsGitTag(gitTag)) {
      return Optional.empty();
    }
    if (semverRange.isEmpty()) {
      return Optional.of(gitTag);
    }
    String version = gitTag.startsWith("v") ? gitTag.substring(1) : gitTag;
    return SemverRange.parse(semverRange.get()).includes(version)
        ? Optional.of(version)
        : Optional.empty();
  }
}
