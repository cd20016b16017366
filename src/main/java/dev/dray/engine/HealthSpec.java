package dev.dray.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A health check that replaces the image's {@code HEALTHCHECK}: the test in the engine's form
 * ({@code ["CMD-SHELL", "…"]}, {@code ["CMD", "prog", "arg"]} or {@code ["NONE"]}), how often and
 * how long it runs, how many failures make the container unhealthy, and a grace period after start.
 * A zero duration or zero retries keeps the engine's default.
 */
public record HealthSpec(
    List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {
  private static final Set<String> KINDS = Set.of("CMD", "CMD-SHELL", "NONE");
  private static final Duration SHORTEST = Duration.ofMillis(1);

  public HealthSpec {
    test = List.copyOf(test);
    if (test.isEmpty() || !KINDS.contains(test.get(0))) {
      throw new IllegalArgumentException(
          "a health check test starts with CMD, CMD-SHELL or NONE, not " + test);
    }
    if (!test.get(0).equals("NONE") && test.size() < 2) {
      throw new IllegalArgumentException("a " + test.get(0) + " health check needs a command");
    }
    requireUsable("interval", interval);
    requireUsable("timeout", timeout);
    requireUsable("start period", startPeriod);
    if (retries < 0) {
      throw new IllegalArgumentException("health check retries must not be negative: " + retries);
    }
  }

  /** A check running {@code command} with the container's shell ({@code CMD-SHELL}). */
  public static HealthSpec shell(
      String command, Duration interval, Duration timeout, int retries, Duration startPeriod) {
    return new HealthSpec(List.of("CMD-SHELL", command), interval, timeout, retries, startPeriod);
  }

  private static void requireUsable(String what, Duration value) {
    Objects.requireNonNull(value, what);
    if (value.isNegative() || !value.isZero() && value.compareTo(SHORTEST) < 0) {
      throw new IllegalArgumentException(
          "health check " + what + " must be 0 (the default) or at least 1ms: " + value);
    }
  }
}
