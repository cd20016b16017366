package dev.dray.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Git repository on disk driven by the real {@code git}, as a developer drives it. */
final class GitRepo {
  private final Path dir;

  private GitRepo(Path dir) {
    this.dir = dir;
  }

  /** Fails the test with what to install when git is not on the PATH. */
  static void requireGit() {
    try {
      run(Path.of("."), "--version");
    } catch (AssertionError e) {
      throw new AssertionError(
          "git must be on the PATH: apt-get install git (" + e.getMessage() + ")", e);
    }
  }

  /** A new bare repository, such as GitHub's side of a project. */
  static GitRepo bare(Path dir) {
    run(dir.getParent(), "init", "--quiet", "--bare", "-b", "main", dir.toString());
    return new GitRepo(dir);
  }

  /** A clone of {@code origin} in {@code dir}, with {@code origin} as its remote. */
  static GitRepo cloneOf(GitRepo origin, Path dir) {
    run(dir.getParent(), "clone", "--quiet", origin.dir.toString(), dir.toString());
    return new GitRepo(dir);
  }

  Path dir() {
    return dir;
  }

  /** Writes {@code relative} in the working tree. */
  GitRepo write(String relative, String text) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return this;
  }

  /** Commits everything and pushes it to origin's main; the new commit. */
  String commitAndPush(String message) {
    git("add", "-A");
    git("commit", "--quiet", "-m", message);
    git("push", "--quiet", "origin", "HEAD:main");
    return head();
  }

  String head() {
    return git("rev-parse", "HEAD");
  }

  /** {@code git args…} in this repository; its trimmed output, failing the test when it fails. */
  String git(String... args) {
    return run(dir, args);
  }

  private static String run(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("GIT_AUTHOR_NAME", "Dev Eloper");
    builder.environment().put("GIT_AUTHOR_EMAIL", "dev@example.com");
    builder.environment().put("GIT_COMMITTER_NAME", "Dev Eloper");
    builder.environment().put("GIT_COMMITTER_EMAIL", "dev@example.com");
    try {
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
      }
      return out.strip();
    } catch (IOException e) {
      throw new AssertionError("cannot run git: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
