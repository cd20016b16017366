package dev.dray.trigger;

import java.util.concurrent.ThreadFactory;

/**
 * The one place the trigger package makes threads: platform daemon threads, because a rollout may
 * drive SSH sessions, which pin virtual threads.
 */
final class TriggerThreads {
  private TriggerThreads() {}

  /** A factory of daemon threads named {@code <prefix>-0}, {@code <prefix>-1}, … */
  static ThreadFactory named(String prefix) {
    return Thread.ofPlatform().daemon(true).name(prefix + "-", 0).factory();
  }
}
