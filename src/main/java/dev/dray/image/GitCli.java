package dev.dray.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the {@code git} executable in one directory and returns what it prints. */
final class GitCli {
  private static final long TIMEOUT_SECONDS = 10;

  private final String executable;
  private final Path dir;

  GitCli(String executable, Path dir) {
    this.executable = executable;
    this.dir = dir;
  }

  /**
   * Runs {@code git args…} and returns its trimmed standard output when it exits with 0, empty
   * otherwise.
   *
   * @throws GitContextException when git cannot be started or does not finish in time
   */
  Optional<String> run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.add("-C");
    command.add(dir.toString());
    command.addAll(List.of(args));
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
    } catch (IOException e) {
      throw new GitContextException(
          "cannot run " + executable + ": " + e.getMessage(),
          "install git or run dray in CI where the context comes from the environment");
    }
    try (InputStream out = process.getInputStream()) {
      process.getOutputStream().close();
      String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new GitContextException(
            "git " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s",
            "check that the repository in " + dir + " is not locked by another git process");
      }
      return process.exitValue() == 0 ? Optional.of(text.strip()) : Optional.empty();
    } catch (IOException e) {
      process.destroyForcibly();
      throw new GitContextException(
          "cannot read the output of git " + String.join(" ", args) + ": " + e.getMessage(), null);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new GitContextException("interrupted while running git", null);
    }
  }
}
