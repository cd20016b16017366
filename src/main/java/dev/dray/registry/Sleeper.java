package dev.dray.registry;

import java.time.Duration;

/** Waits between retries; a seam so tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the current thread. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration);
  }
}
