package dev.dray.trigger;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the registry watcher waits before its next request: the interval while the registry
 * answers; after {@code n} failures in a row the interval doubled {@code n} times, at most {@code
 * maxBackoff}; every wait shifted at random by up to {@code jitter} of itself; never shorter than a
 * registry's {@code Retry-After}.
 */
record PollSchedule(Duration interval, double jitter, Duration maxBackoff) {
  /** The longest wait after failures, unless the interval itself is longer. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

  PollSchedule {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, got " + interval);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
    }
  }

  static PollSchedule of(Duration interval, double jitter) {
    return new PollSchedule(interval, jitter, MAX_BACKOFF);
  }

  /**
   * The wait after a request.
   *
   * @param failures how many requests in a row failed, this one included (0 after a success)
   * @param retryAfter what the registry asked for with {@code Retry-After}, if it did
   * @param random a number in [0, 1) choosing the jitter: 0 the shortest wait, towards 1 the
   *     longest
   */
  Duration next(int failures, Optional<Duration> retryAfter, double random) {
    long base = interval.toMillis();
    if (failures > 0) {
      long ceiling = Math.max(maxBackoff.toMillis(), base);
      for (int i = 0; i < failures && base < ceiling; i++) {
        base *= 2;
      }
      base = Math.min(base, ceiling);
    }
    double factor = 1 + jitter * (2 * random - 1);
    Duration wait = Duration.ofMillis(Math.round(base * factor));
    if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
      return retryAfter.get();
    }
    return wait;
  }
}
