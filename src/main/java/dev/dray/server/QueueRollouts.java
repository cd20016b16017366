package dev.dray.server;

import dev.dray.trigger.RolloutQueue;
import dev.dray.trigger.RolloutQueueClosedException;
import dev.dray.trigger.Trigger;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Rollouts} on the {@link RolloutQueue} the auto-deploy triggers use: a request through the
 * API is a {@link Trigger.ManualDeploy} or {@link Trigger.ManualRollback} (source {@code api}), so
 * it waits for the app's rollout under way instead of racing it for the deploy lock, and coalesces
 * like any trigger: a newer request for the same app replaces a waiting one.
 */
public final class QueueRollouts implements Rollouts {
  /** Who asks, as the queue's events and log name it: the API has one token, not users. */
  static final String WHO = "api";

  private final RolloutQueue queue;
  private final RolloutFates fates;
  private final Clock clock;

  /**
   * @param fates fed with the queue's events, it says what became of a request without a record
   */
  public QueueRollouts(RolloutQueue queue, RolloutFates fates, Clock clock) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.fates = Objects.requireNonNull(fates, "fates");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String deploy(String app, String version) {
    return enqueue(new Trigger.ManualDeploy(app, version, WHO, clock.instant()));
  }

  @Override
  public String rollback(String app, Optional<String> version) {
    return enqueue(new Trigger.ManualRollback(app, version, WHO, clock.instant()));
  }

  @Override
  public Optional<String> fate(String deployId) {
    return fates.fate(deployId);
  }

  private String enqueue(Trigger trigger) {
    try {
      return queue.enqueue(trigger).deployId();
    } catch (RolloutQueueClosedException e) {
      throw ApiRefusal.unavailable(e.getMessage());
    }
  }
}
