package dev.dray.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently to retry a registry request that failed with an I/O error, a 5xx or a
 * 429: at most {@code attempts} tries in all, waiting an exponentially growing, jittered delay from
 * {@code initial} up to {@code max} between them.
 */
public record RetryPolicy(int attempts, Duration initial, Duration max) {
  /** Longest wait a server's {@code Retry-After} may impose. */
  public static final Duration RETRY_AFTER_CAP = Duration.ofMinutes(2);

  public RetryPolicy {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= initial <= max, was initial " + initial + ", max " + max);
    }
  }

  /** Four tries, waiting about 0.5 s, 1 s, 2 s in between (never more than 8 s). */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));
  }

  /** A single try. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /**
   * The wait before retry number {@code retry} (1 for the first retry): {@code initial·2^(retry-1)}
   * capped at {@code max}, then jittered into its upper half by {@code jitter} in [0, 1).
   */
  public Duration backoff(int retry, double jitter) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry counts from 1, was " + retry);
    }
    long ceiling = max.toMillis();
    long base = initial.toMillis();
    for (int i = 1; i < retry && base < ceiling; i++) {
      base *= 2;
    }
    base = Math.min(base, ceiling);
    double clamped = Math.max(0, Math.min(jitter, 1));
    return Duration.ofMillis(base / 2 + Math.round(base / 2.0 * clamped));
  }
}
