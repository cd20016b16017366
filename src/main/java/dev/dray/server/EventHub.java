package dev.dray.server;

import dev.dray.events.EventSink;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans server-sent events out to every connected client: the sinks it hands out turn the events of
 * rollouts ({@link #forApp}) and of triggers ({@link #triggers}) into {@link SseMessage}s, and each
 * client's {@link EventSubscription} buffers them until its stream writes them.
 *
 * <p>Publishing never blocks and never throws: a client that falls behind by more than its buffer
 * loses its oldest messages, so a slow browser cannot hold up a rollout.
 */
public final class EventHub implements AutoCloseable {
  /** Messages a client may fall behind by before it loses the oldest. */
  static final int BUFFER = 1_000;

  private final Set<EventSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final Map<String, EventSink> apps = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * The sink for the rollouts of {@code app}: it publishes their {@code deploy} events. The same
   * sink each time for the same app, so it knows the rollout under way.
   */
  public EventSink forApp(String app) {
    return apps.computeIfAbsent(app, a -> new AppEventSink(a, this));
  }

  /** A sink for auto-deploy triggers: it publishes each event as a {@code trigger} event. */
  public EventSink triggers() {
    return new TriggerEventSink(this);
  }

  /** Sends {@code message} to every connected client. */
  public void publish(SseMessage message) {
    for (EventSubscription s : subscriptions) {
      s.offer(message);
    }
  }

  /** A new client's subscription; it receives what is published from now on until closed. */
  EventSubscription subscribe() {
    EventSubscription s = new EventSubscription(BUFFER, subscriptions::remove);
    subscriptions.add(s);
    if (closed) {
      s.close();
    }
    return s;
  }

  /** How many clients are connected. */
  public int subscribers() {
    return subscriptions.size();
  }

  /** Ends every client's stream; later subscriptions end at once. */
  @Override
  public void close() {
    closed = true;
    subscriptions.forEach(EventSubscription::close);
  }
}
