package dev.dray.build;

import java.time.Duration;

/**
 * Bounded exponential backoff: {@code attempts} tries in all, waiting {@code initial}, then twice
 * as long each time, never more than {@code max}.
 */
public record Backoff(int attempts, Duration initial, Duration max) {
  public Backoff {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }

  /** Five attempts, 1 s doubling to at most 16 s. */
  public static Backoff standard(int attempts) {
    return new Backoff(attempts, Duration.ofSeconds(1), Duration.ofSeconds(16));
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  public Duration delayAfter(int attempt) {
    long millis = initial.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }
}
