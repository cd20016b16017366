package dev.dray.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a host shell command for hooks and backups; a seam so tests can script outcomes. */
@FunctionalInterface
public interface ShellRunner {

  /** What a command did. */
  record Result(int exitCode, String output) {}

  Result run(String command, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException;

  /** {@code sh -c command}, stdout and stderr merged, killed after the timeout. */
  static ShellRunner system() {
    return (command, env, timeout) -> {
      ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return new Result(124, new String(out, StandardCharsets.UTF_8) + "\n(timed out)");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    };
  }
}
