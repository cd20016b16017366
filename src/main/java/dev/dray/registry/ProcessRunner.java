package dev.dray.registry;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs an external program (a Docker credential helper) with input on stdin; a seam for tests. */
@FunctionalInterface
public interface ProcessRunner {
  /**
   * Runs {@code command} with exactly {@code environment}, writes {@code stdin} and closes it, and
   * waits at most {@code timeout}.
   *
   * @throws IOException when the program cannot be started or does not finish in time
   */
  ProcessResult run(
      List<String> command, Map<String, String> environment, String stdin, Duration timeout)
      throws IOException;

  /** What a finished program returned. */
  record ProcessResult(int exitCode, String stdout, String stderr) {}
}
