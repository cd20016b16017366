package dev.dray.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Runs the {@code git} executable: the seam {@link CommitCheckout} reaches Git through. {@link
 * SystemGitProcess} starts the real one; tests script the answers.
 */
@FunctionalInterface
public interface GitProcess {

  /**
   * Runs {@code git -C dir args…} and returns how it ended; a non-zero exit is a result, not an
   * error.
   *
   * @throws CommitCheckoutException when git cannot be started or does not finish in time
   */
  Result run(Path dir, List<String> args) throws InterruptedException;

  /** How one git command ended: its exit code and what it printed (trimmed). */
  record Result(int exitCode, String out, String err) {
    public Result {
      out = Objects.requireNonNullElse(out, "").strip();
      err = Objects.requireNonNullElse(err, "").strip();
    }

    /** Whether git exited with 0. */
    public boolean ok() {
      return exitCode == 0;
    }

    /** The last line git printed on stderr (its error), else on stdout, else the exit code. */
    public String reason() {
      String text = err.isEmpty() ? out : err;
      if (text.isEmpty()) {
        return "git exited with " + exitCode;
      }
      String[] lines = text.split("\\R");
      return lines[lines.length - 1].strip();
    }
  }
}
