package dev.dray.image;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What triggered a build: the CI event, the Git ref and commit, and the repository it belongs to.
 *
 * <p>Field meanings follow GitHub Actions: {@code eventName} is {@code push}, {@code pull_request},
 * {@code pull_request_target}, {@code schedule}, {@code workflow_dispatch}, …; {@code ref} is a
 * full ref such as {@code refs/heads/main}, {@code refs/tags/v1.2.3} or {@code refs/pull/12/merge}.
 * {@code repositoryUrl}, {@code repositoryName} and {@code baseRef} (the target branch of a pull
 * request) are empty when unknown; {@code commitDate} is empty when unknown, and {@code
 * {{commit_date}}} then falls back to the current time.
 *
 * @param sha the full commit SHA, lowercase hex
 */
public record GitContext(
    String eventName,
    String ref,
    String sha,
    String defaultBranch,
    Optional<Instant> commitDate,
    String repositoryUrl,
    String repositoryName,
    String baseRef) {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");
  private static final String HEADS = "refs/heads/";
  private static final String TAGS = "refs/tags/";
  private static final String PULL = "refs/pull/";

  public GitContext {
    eventName = required(eventName, "event name", "--event push");
    ref = required(ref, "ref", "--ref refs/heads/main");
    sha = required(sha, "commit SHA", "--sha <40 hex digits>").toLowerCase(Locale.ROOT);
    if (!SHA.matcher(sha).matches()) {
      throw new GitContextException(
          "invalid commit SHA '" + sha + "': expected 7 to 64 hex digits",
          "pass the full commit SHA, e.g. the output of git rev-parse HEAD");
    }
    defaultBranch = required(defaultBranch, "default branch", "--default-branch main");
    Objects.requireNonNull(commitDate, "commitDate");
    repositoryUrl = Objects.requireNonNullElse(repositoryUrl, "");
    repositoryName = Objects.requireNonNullElse(repositoryName, "");
    baseRef = Objects.requireNonNullElse(baseRef, "");
  }

  /** A context with only the fields tag rules need; repository details unknown. */
  public static GitContext of(String eventName, String ref, String sha, String defaultBranch) {
    return new GitContext(eventName, ref, sha, defaultBranch, Optional.empty(), "", "", "");
  }

  private static String required(String value, String what, String example) {
    if (value == null || value.isBlank()) {
      throw new GitContextException(
          "the Git context has no " + what, "set it explicitly, e.g. " + example);
    }
    return value.trim();
  }

  /** The branch name for a {@code refs/heads/} ref, else empty (as {@code {{branch}}}). */
  public String branch() {
    return ref.startsWith(HEADS) ? ref.substring(HEADS.length()) : "";
  }

  /** The tag name for a {@code refs/tags/} ref, else empty (as {@code {{tag}}}). */
  public String tag() {
    return ref.startsWith(TAGS) ? ref.substring(TAGS.length()) : "";
  }

  /** Whether the ref is a tag ref. */
  public boolean isTag() {
    return ref.startsWith(TAGS);
  }

  /** Whether the ref is a branch ref. */
  public boolean isBranch() {
    return ref.startsWith(HEADS);
  }

  /** Whether the ref is a pull request ref ({@code refs/pull/…}). */
  public boolean isPullRequest() {
    return ref.startsWith(PULL);
  }

  /**
   * The pull request part of a {@code refs/pull/} ref without a trailing {@code /merge}: {@code 12}
   * for {@code refs/pull/12/merge}; empty for other refs.
   */
  public String pullRequest() {
    if (!isPullRequest()) {
      return "";
    }
    String rest = ref.substring(PULL.length());
    return rest.endsWith("/merge") ? rest.substring(0, rest.length() - "/merge".length()) : rest;
  }

  /**
   * docker/metadata-action's {@code {{is_default_branch}}}: true when the ref, with any {@code
   * refs/heads/} prefix removed, equals the default branch, or when the event is one that GitHub
   * only fires on the default branch ({@code create}, {@code discussion*}, {@code issues}, {@code
   * schedule}). Tag and pull request refs are never the default branch otherwise.
   */
  public boolean isDefaultBranch() {
    String branch = ref.startsWith(HEADS) ? ref.substring(HEADS.length()) : ref;
    if (branch.isEmpty()) {
      return false;
    }
    if (branch.equals(defaultBranch)) {
      return true;
    }
    return eventName.contains("create")
        || eventName.contains("discussion")
        || eventName.contains("issues")
        || eventName.contains("schedule");
  }

  /** The first 7 hex digits of the commit SHA (as {@code {{sha}}}). */
  public String shortSha() {
    return sha.substring(0, 7);
  }

  /** This context with another event name. */
  public GitContext withEventName(String newEventName) {
    return new GitContext(
        newEventName, ref, sha, defaultBranch, commitDate, repositoryUrl, repositoryName, baseRef);
  }

  /** This context with another ref. */
  public GitContext withRef(String newRef) {
    return new GitContext(
        eventName, newRef, sha, defaultBranch, commitDate, repositoryUrl, repositoryName, baseRef);
  }

  /** This context with another commit; the commit date becomes unknown. */
  public GitContext withSha(String newSha) {
    return new GitContext(
        eventName,
        ref,
        newSha,
        defaultBranch,
        newSha.equalsIgnoreCase(sha) ? commitDate : Optional.empty(),
        repositoryUrl,
        repositoryName,
        baseRef);
  }

  /** This context with another default branch. */
  public GitContext withDefaultBranch(String newDefaultBranch) {
    return new GitContext(
        eventName, ref, sha, newDefaultBranch, commitDate, repositoryUrl, repositoryName, baseRef);
  }
}
