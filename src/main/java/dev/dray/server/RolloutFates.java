package dev.dray.server;

import dev.dray.events.Event;
import dev.dray.events.EventSink;
import dev.dray.trigger.TriggerEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What became of the latest queued rollouts, by deploy id, for those without a deploy record: an
 * event sink fed with the rollout queue's events. A rollout that waits, was superseded or skipped,
 * or ended before its record was written (nothing to do, the lock never came) has no record, and
 * {@code GET /api/deploys/{id}} says why instead of only "not found".
 *
 * <p>Kept in memory for the newest {@value #KEPT} ids.
 */
public final class RolloutFates implements EventSink {
  static final int KEPT = 1_000;

  private final Map<String, String> fates =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > KEPT;
        }
      };

  /** Records the fate {@code event} tells, if it is a queue event. Never throws. */
  @Override
  public void emit(Event event) {
    if (!(event instanceof TriggerEvent e)) {
      return;
    }
    switch (e) {
      case TriggerEvent.Received r ->
          put(
              r.deployId(),
              "the " + r.trigger().describe() + " waits in the queue of " + r.trigger().app());
      case TriggerEvent.Superseded s ->
          put(
              s.deployId(),
              "it never ran: superseded by "
                  + s.by().describe()
                  + " ("
                  + s.byDeployId()
                  + ") while it waited");
      case TriggerEvent.Skipped s -> put(s.deployId(), "it never ran: " + s.reason());
      case TriggerEvent.Started s ->
          put(s.deployId(), "its rollout started; the record appears once it holds the lock");
      case TriggerEvent.Finished f ->
          put(
              f.deployId(),
              f.failure()
                  .map(why -> "it ended before it started: " + why)
                  .orElse("it ended without a rollout: nothing to do"));
      default -> {}
    }
  }

  /** Why the rollout queued as {@code deployId} has no record, if known. */
  public Optional<String> fate(String deployId) {
    synchronized (fates) {
      return Optional.ofNullable(fates.get(deployId));
    }
  }

  private void put(String deployId, String fate) {
    synchronized (fates) {
      fates.remove(deployId);
      fates.put(deployId, fate);
    }
  }
}
