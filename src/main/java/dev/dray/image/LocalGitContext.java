package dev.dray.image;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@link GitContext} from the local repository in a directory by running {@code git}.
 *
 * <p>Event {@code push}; ref {@code refs/heads/<branch>} when HEAD is on a branch, else {@code
 * refs/tags/<tag>} when a tag points exactly at HEAD, else {@code HEAD}; the commit date of HEAD;
 * the {@code origin} remote as an https URL (credentials removed); the default branch from {@code
 * refs/remotes/origin/HEAD}, else env {@code DRAY_DEFAULT_BRANCH}, else git's {@code
 * init.defaultBranch}, else {@code main}.
 */
public final class LocalGitContext implements GitContextStrategy {
  private static final Pattern SCP = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(?!//)(.+)$");
  private static final Pattern URL =
      Pattern.compile("^(?:ssh|git|https?|git\\+ssh)://(?:[^@/]*@)?([^/:]+)(?::\\d+)?/(.+)$");

  private final String executable;

  /** Uses {@code git} from the {@code PATH}. */
  public LocalGitContext() {
    this("git");
  }

  /** Uses the given git executable. */
  public LocalGitContext(String executable) {
    this.executable = executable;
  }

  @Override
  public String name() {
    return "local git repository";
  }

  @Override
  public String requirement() {
    return "a git repository in the working directory and the git executable";
  }

  @Override
  public boolean appliesTo(Map<String, String> env, Path dir) {
    try {
      return new GitCli(executable, dir).run("rev-parse", "--git-dir").isPresent();
    } catch (GitContextException e) {
      return false;
    }
  }

  @Override
  public GitContext resolve(Map<String, String> env, Path dir) {
    GitCli git = new GitCli(executable, dir);
    String sha =
        git.run("rev-parse", "--verify", "-q", "HEAD^{commit}")
            .orElseThrow(
                () ->
                    new GitContextException(
                        "the repository in " + dir + " has no commits",
                        "commit something first, or pass --ref and --sha"));
    String ref =
        git.run("symbolic-ref", "-q", "HEAD")
            .or(
                () ->
                    git.run("describe", "--tags", "--exact-match", "HEAD")
                        .map(t -> "refs/tags/" + t))
            .orElse("HEAD");
    Optional<String> remote = git.run("remote", "get-url", "origin");
    String url = remote.map(LocalGitContext::httpsUrl).orElse("");
    String name =
        url.isEmpty()
            ? git.run("rev-parse", "--show-toplevel").map(LocalGitContext::lastSegment).orElse("")
            : lastSegment(url);
    return new GitContext(
        "push",
        ref,
        sha,
        defaultBranch(git, env),
        git.run("show", "-s", "--format=%cI", "HEAD").flatMap(GitHubActionsContext::instant),
        url,
        name,
        "");
  }

  private static String defaultBranch(GitCli git, Map<String, String> env) {
    Optional<String> remoteHead =
        git.run("symbolic-ref", "-q", "refs/remotes/origin/HEAD")
            .filter(r -> r.startsWith("refs/remotes/origin/"))
            .map(r -> r.substring("refs/remotes/origin/".length()));
    if (remoteHead.isPresent()) {
      return remoteHead.get();
    }
    String fromEnv = env.getOrDefault("DRAY_DEFAULT_BRANCH", "");
    if (!fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    return git.run("config", "--get", "init.defaultBranch")
        .filter(b -> !b.isBlank())
        .orElse("main");
  }

  /**
   * The https web address of a remote URL such as {@code git@github.com:acme/app.git} or {@code
   * ssh://git@host:22/acme/app.git}, without user info or {@code .git}; empty for local paths.
   */
  static String httpsUrl(String remote) {
    String host;
    String path;
    Matcher url = URL.matcher(remote);
    Matcher scp = SCP.matcher(remote);
    if (url.matches()) {
      host = url.group(1);
      path = url.group(2);
    } else if (!remote.contains("://") && scp.matches()) {
      host = scp.group(1);
      path = scp.group(2);
    } else {
      return "";
    }
    path = path.replaceAll("/+$", "");
    if (path.endsWith(".git")) {
      path = path.substring(0, path.length() - 4);
    }
    path = path.replaceAll("^/+", "");
    return path.isEmpty() ? "" : "https://" + host + "/" + path;
  }

  private static String lastSegment(String path) {
    String trimmed = path.replaceAll("[/\\\\]+$", "");
    return trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
  }
}
