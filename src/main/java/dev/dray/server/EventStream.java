package dev.dray.server;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
  private final AtomicInteger open = new AtomicInteger();

  EventStream(EventHub hub, Duration keepAlive) {
    this.hub = hub;
    this.keepAlive = keepAlive;
  }

  @Override
  public void accept(SseClient client) {
    open.incrementAndGet();
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
      open.decrementAndGet();
    }
  }

  /**
   * Waits up to {@code limit} until every stream has ended (after the hub closed), so the server
   * stops only once no stream writes to a response any more; false when some still run.
   */
  boolean awaitEnded(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (open.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  private static void closeQuietly(SseClient client) {
    try {
      client.close();
    } catch (RuntimeException e) {
      // already gone
    }
  }
}
