package dev.dray.server;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code GET /api/events}: one client's server-sent event stream. Writes each message the {@link
 * EventHub} publishes as {@code event: <name>} / {@code data: <json>}, and a comment when nothing
 * happened for a while, which keeps proxies from closing the stream and tells a gone client.
 *
 * <p>The stream runs on the request's own (virtual) thread until the client leaves or the hub
 * closes.
 */
final class EventStream implements Consumer<SseClient> {
  private final EventHub hub;
  private final Duration keepAlive;

  EventStream(EventHub hub, Duration keepAlive) {
    this.hub = hub;
    this.keepAlive = keepAlive;
  }

  @Override
  public void accept(SseClient client) {
    EventSubscription subscription = hub.subscribe();
    client.onClose(subscription::close);
    try {
      client.sendComment("connected");
      while (!client.terminated() && !subscription.closed()) {
        Optional<SseMessage> message = subscription.next(keepAlive);
        if (message.isPresent()) {
          client.sendEvent(message.get().event(), message.get().json());
        } else if (!subscription.closed()) {
          client.sendComment("keep-alive");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the client is gone and Jetty recycled its response: the stream simply ends
    } finally {
      subscription.close();
      closeQuietly(client);
    }
  }

  private static void closeQuietly(SseClient client) {
    try {
      client.close();
    } catch (RuntimeException e) {
      // already gone
    }
  }
}
