package dev.dray.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged {@code bin/dray} of this build ({@code target/dray-*}/{@code dray-*}/{@code
 * bin/dray}, made by {@code package} before failsafe runs), run as a user runs it: a separate
 * process in a project directory with its own environment.
 */
public final class PackagedDray {
  private final Path binary;
  private final Path cwd;
  private final Map<String, String> env;

  private PackagedDray(Path binary, Path cwd, Map<String, String> env) {
    this.binary = binary;
    this.cwd = cwd;
    this.env = Map.copyOf(env);
  }

  /** The launcher under {@code target/}, run in {@code cwd} with {@code env} added. */
  public static PackagedDray in(Path cwd, Map<String, String> env) {
    return new PackagedDray(locate(), cwd, env);
  }

  /** What a finished run printed (stdout and stderr together) and its exit code. */
  public record Result(int code, String output) {
    public String transcript() {
      return "exit " + code + "\n" + output;
    }
  }

  /** Runs {@code dray args…} to the end, at most {@code timeout}. */
  public Result run(Duration timeout, String... args) {
    Path log = logFile();
    Process p = start(log, args);
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(
            "dray " + String.join(" ", args) + " ran longer than " + timeout + ":\n" + read(log));
      }
      return new Result(p.exitValue(), read(log));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new AssertionError(e);
    }
  }

  /** Starts {@code dray args…}, its output going to {@code log}. */
  public Process start(Path log, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().remove("DRAY_STORE");
    builder.environment().remove("DOCKER_HOST");
    builder.environment().putAll(env);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new AssertionError("cannot run " + binary + ": " + e.getMessage(), e);
    }
  }

  /** A fresh file for a run's output. */
  public Path logFile() {
    try {
      return Files.createTempFile("dray-run", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a run wrote so far. */
  public static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  private static Path locate() {
    Path target = Path.of("target").toAbsolutePath();
    try (Stream<Path> dirs = Files.list(target)) {
      return dirs.filter(Files::isDirectory)
          .filter(d -> d.getFileName().toString().startsWith("dray-"))
          .map(d -> d.resolve(d.getFileName()).resolve("bin").resolve("dray"))
          .filter(Files::isExecutable)
          .findFirst()
          .orElseThrow(
              () ->
                  new AssertionError(
                      "no packaged dray under "
                          + target
                          + "/dray-*/dray-*/bin/dray: run the integration tests with 'mvnw"
                          + " verify' (package builds it)"));
    } catch (IOException e) {
      throw new AssertionError("cannot list " + target + ": run 'mvnw verify'", e);
    }
  }
}
