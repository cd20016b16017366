package dev.dray.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of commands that take the deploy lock. */
final class LockOptions {
  @Option(
      names = {"-m", "--message"},
      description = "Why: shown to others who meet the lock.")
  String message = "";

  @Option(
      names = "--lock-wait",
      paramLabel = "DURATION",
      description = "Wait this long for another rollout's lock (e.g. 5m); default: fail at once.")
  String lockWait = "0s";

  Duration lockWait() {
    return DurationArg.parse("--lock-wait", lockWait);
  }
}
