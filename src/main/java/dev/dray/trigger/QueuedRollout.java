package dev.dray.trigger;

import java.util.Objects;

/**
 * A rollout the {@link RolloutQueue} accepted: the trigger asking for it and the id its deploy
 * record will have once it runs. The id is made when the trigger arrives, so whoever asked can
 * follow the rollout (its events, then {@code GET /api/deploys/{id}}) before it starts.
 *
 * @param deployId the id of the rollout's deploy record; the queue's events name it too
 */
public record QueuedRollout(String deployId, Trigger trigger) {
  public QueuedRollout {
    if (deployId == null || deployId.isBlank()) {
      throw new IllegalArgumentException("deployId is blank");
    }
    Objects.requireNonNull(trigger, "trigger");
  }

  /** The app to roll out. */
  public String app() {
    return trigger.app();
  }
}
