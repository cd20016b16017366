package dev.dray.build;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The source of a pushed commit could not be checked out to build it: the app's directory is not in
 * a Git clone, the clone has no {@code origin}, the commit cannot be fetched, or git failed.
 */
public final class CommitCheckoutException extends BuildException {
  private static final long serialVersionUID = 1L;

  /** Why the checkout failed. */
  public enum Reason {
    /** The app's directory is not inside a Git repository. */
    NOT_A_REPOSITORY,
    /** The repository has no remote named {@code origin}. */
    NO_ORIGIN,
    /** {@code origin} does not give the commit. */
    NOT_FETCHABLE,
    /** The checked-out commit has no dray.yml where the served one lies. */
    NO_CONFIG,
    /** git could not be run, timed out, or failed otherwise. */
    GIT_FAILED
  }

  private final Reason reason;
  private final transient Path dir;

  private CommitCheckoutException(Reason reason, Path dir, String message, String hint) {
    super(message, hint);
    this.reason = reason;
    this.dir = dir;
  }

  /** Why it failed. */
  public Reason reason() {
    return reason;
  }

  /** The directory git ran in. */
  public Path dir() {
    return dir;
  }

  static CommitCheckoutException notARepository(Path dir, String gitSaid) {
    return new CommitCheckoutException(
        Reason.NOT_A_REPOSITORY,
        dir,
        "cannot build the pushed commit: " + dir + " is not in a Git repository (" + gitSaid + ")",
        "run dray server with a dray.yml inside a clone of the pushed repository (git clone <url>),"
            + " or deploy images built by CI (auto_deploy.watch or tags) instead of branches");
  }

  static CommitCheckoutException noOrigin(Path dir) {
    return new CommitCheckoutException(
        Reason.NO_ORIGIN,
        dir,
        "cannot build the pushed commit: the Git repository of " + dir + " has no remote origin",
        "add it: git -C " + dir + " remote add origin <url of the GitHub repository>");
  }

  static CommitCheckoutException notFetchable(Path dir, String sha, String gitSaid) {
    return new CommitCheckoutException(
        Reason.NOT_FETCHABLE,
        dir,
        "cannot fetch commit " + sha + " from origin of " + dir + ": " + gitSaid,
        "check that origin is the pushed repository (git -C "
            + dir
            + " remote -v) and that git can read it as the server's user (git -C "
            + dir
            + " fetch origin); credentials for a private origin are git's own (credential helper,"
            + " SSH key)");
  }

  static CommitCheckoutException noConfig(Path worktreeConfig, String sha) {
    return new CommitCheckoutException(
        Reason.NO_CONFIG,
        worktreeConfig.getParent(),
        "commit " + sha + " has no " + worktreeConfig.getFileName() + " in " + worktreeConfig,
        "commit the app's dray.yml (and its Dockerfile) to the repository");
  }

  static CommitCheckoutException failed(Path dir, String command, String gitSaid) {
    return new CommitCheckoutException(
        Reason.GIT_FAILED,
        dir,
        "git " + command + " failed in " + dir + ": " + gitSaid,
        "run the same git command in " + dir + " to see why");
  }

  static CommitCheckoutException gitMissing(String executable, String why) {
    return new CommitCheckoutException(
        Reason.GIT_FAILED,
        null,
        "cannot run " + executable + ": " + why,
        "install git on the server's host (apt-get install git) or put it on the PATH");
  }

  static CommitCheckoutException timedOut(String command, Path dir, Duration limit) {
    return new CommitCheckoutException(
        Reason.GIT_FAILED,
        dir,
        "git " + command + " did not finish within " + limit.toSeconds() + " s in " + dir,
        "check the network to origin and that no other git process holds the repository's lock");
  }
}
