package dev.dray.proxy;

import java.time.Duration;

/** Sleeps between polls of the proxy; an interrupt ends the wait with an unchecked exception. */
final class Pause {
  private Pause() {}

  static void of(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the edge proxy", e);
    }
  }
}
