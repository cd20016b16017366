package dev.dray.build;

import java.time.Duration;

/** Waits; a seam so tests of retries do not sleep. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** The real thing. */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
