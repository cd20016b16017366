package dev.dray.proxy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the haproxy executable: checks a config ({@code -c}), starts a daemon ({@code -D}, which
 * forks into its own session and so outlives dray, even a SIGKILLed dray) and reloads it ({@code -x
 * <socket> -sf <old pid>}: the new process takes the listening sockets over, the old one finishes
 * its connections and exits). Also reads the pid file and ends processes by pid.
 */
final class HaproxyProcess {
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern BIND_IN_USE =
      Pattern.compile("cannot bind socket \\(Address already in use\\) for \\[(.*):(\\d+)\\]");

  private static final String SEARCHED =
      "/usr/local/sbin:/usr/sbin:/sbin:/usr/local/bin:/usr/bin:/bin";

  private final ProxySettings settings;

  HaproxyProcess(ProxySettings settings) {
    this.settings = settings;
  }

  /**
   * Checks {@code config} with {@code haproxy -c}.
   *
   * @throws ProxyConfigException with haproxy's alerts when it is not valid
   */
  void check(Path config) {
    Result result = run(List.of("-c", "-f", config.toString()), "check the proxy config");
    if (result.exitCode() != 0) {
      throw new ProxyConfigException(
          "haproxy rejected the config dray wrote (" + config + ")",
          result.messages(),
          "this is a bug in dray, or a route holds something haproxy cannot take; report it with"
              + " the config file");
    }
  }

  /** Starts a daemon from the config file; returns once it forked (its pid is in the pid file). */
  void start() {
    Result result = run(List.of("-D", "-f", settings.configFile().toString()), "start haproxy");
    if (result.exitCode() != 0) {
      throw failure("haproxy did not start (exit code " + result.exitCode() + ")", result);
    }
  }

  /** Starts a new daemon from the config file that takes over from {@code oldPid}. */
  void reload(long oldPid) {
    Result result =
        run(
            List.of(
                "-D",
                "-f",
                settings.configFile().toString(),
                "-x",
                settings.socketFile().toString(),
                "-sf",
                Long.toString(oldPid)),
            "reload haproxy");
    if (result.exitCode() != 0) {
      throw failure(
          "haproxy did not reload (exit code "
              + result.exitCode()
              + "); the running one (pid "
              + oldPid
              + ") keeps serving the previous config",
          result);
    }
  }

  /** The pid in the pid file, if there is a readable one. */
  OptionalLong pidFromFile() {
    try {
      Optional<String> first = Files.readString(settings.pidFile()).lines().findFirst();
      return first.isEmpty() || first.get().isBlank()
          ? OptionalLong.empty()
          : OptionalLong.of(Long.parseLong(first.get().strip()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty(); // none yet, or being written: the admin socket decides
    }
  }

  /**
   * Whether {@code pid} is a live (not zombie) haproxy started from this proxy's config file, so
   * not an unrelated process that reused the pid.
   */
  boolean isOurs(long pid) {
    if (!isAlive(pid)) {
      return false;
    }
    Optional<ProcessHandle.Info> info = ProcessHandle.of(pid).map(ProcessHandle::info);
    boolean haproxy =
        info.flatMap(ProcessHandle.Info::command)
            .map(c -> Path.of(c).getFileName().toString().startsWith("haproxy"))
            .orElse(false);
    boolean ourConfig =
        info.flatMap(ProcessHandle.Info::arguments)
            .map(args -> List.of(args).contains(settings.configFile().toString()))
            .orElse(false);
    return haproxy && ourConfig;
  }

  /**
   * Whether {@code pid} runs: it exists and one of its threads is not a zombie. A multi-threaded
   * haproxy's main thread turns zombie before its other threads have closed the sockets.
   */
  static boolean isAlive(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    if (!Files.isDirectory(tasks)) {
      return !Files.isDirectory(Path.of("/proc")); // gone, or no procfs: trust ProcessHandle
    }
    try (Stream<Path> threads = Files.list(tasks)) {
      return threads.anyMatch(HaproxyProcess::threadRuns);
    } catch (IOException e) {
      return false; // the process went away while we looked
    }
  }

  private static boolean threadRuns(Path task) {
    try {
      String stat = Files.readString(task.resolve("stat"));
      int end = stat.lastIndexOf(')');
      char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : 'R';
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }

  /** Ends {@code pid}: SIGTERM (haproxy's hard stop), SIGKILL when it outlives {@code grace}. */
  static void terminate(long pid, Duration grace) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return;
    }
    handle.get().destroy();
    if (!awaitExit(pid, grace)) {
      handle.get().destroyForcibly();
      awaitExit(pid, Duration.ofSeconds(5));
    }
  }

  private static boolean awaitExit(long pid, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (isAlive(pid)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Pause.of(Duration.ofMillis(20));
    }
    return true;
  }

  private ProxyException failure(String what, Result result) {
    Matcher inUse = BIND_IN_USE.matcher(result.output());
    if (inUse.find()) {
      return new ProxyPortInUseException(inUse.group(1), Integer.parseInt(inUse.group(2)));
    }
    return new ProxyStartException(
        what,
        result.messages(),
        "read haproxy's messages above (also in " + settings.outputFile() + ")");
  }

  private Result run(List<String> arguments, String what) {
    List<String> command = new ArrayList<>();
    command.add(executable());
    command.addAll(arguments);
    Path output = settings.outputFile();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(settings.stateDir().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    // the daemon outlives dray: it keeps no copy of dray's environment (deploy secrets among it)
    String path = builder.environment().getOrDefault("PATH", SEARCHED);
    builder.environment().clear();
    builder.environment().put("PATH", path);
    try {
      Process process = builder.start();
      if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new ProxyStartException(
            "`"
                + String.join(" ", command)
                + "` did not finish within "
                + RUN_TIMEOUT.toSeconds()
                + " s",
            read(output),
            "look for a hung haproxy process");
      }
      return new Result(process.exitValue(), read(output));
    } catch (IOException e) {
      throw new ProxyStartException(
          "cannot " + what + " with `" + settings.haproxyBinary() + "`",
          "install haproxy 2.6 or later (Debian: apt-get install haproxy), or point the proxy"
              + " settings at the executable",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProxyStartException("interrupted while waiting to " + what, "", e);
    }
  }

  /**
   * The binary as configured when it is a path; else the first match on {@code PATH} or in the sbin
   * directories (Debian installs haproxy in /usr/sbin, often not on a user's {@code PATH}).
   */
  private String executable() {
    String binary = settings.haproxyBinary();
    if (binary.contains("/")) {
      return binary;
    }
    String path = System.getenv().getOrDefault("PATH", "") + ":" + SEARCHED;
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
        return Path.of(dir, binary).toString();
      }
    }
    return binary;
  }

  private static String read(Path output) {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** What a haproxy invocation ended with and printed. */
  private record Result(int exitCode, String output) {
    /** The output without haproxy's version notices. */
    String messages() {
      return String.join(
          "\n", output.lines().filter(l -> !l.startsWith("[NOTICE]") && !l.isBlank()).toList());
    }
  }
}
