package dev.dray.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One connected client's buffer of {@link SseMessage}s: the hub offers, the client's stream takes.
 * When full, the oldest message makes room for the newest.
 */
final class EventSubscription implements AutoCloseable {
  private static final SseMessage END = new SseMessage("end", "{}");

  private final LinkedBlockingDeque<SseMessage> queue;
  private final Consumer<EventSubscription> onClose;
  private volatile boolean closed;

  EventSubscription(int capacity, Consumer<EventSubscription> onClose) {
    this.queue = new LinkedBlockingDeque<>(capacity);
    this.onClose = onClose;
  }

  /** Adds {@code message}, dropping the oldest one when the buffer is full; never blocks. */
  void offer(SseMessage message) {
    if (closed) {
      return;
    }
    while (!queue.offerLast(message)) {
      queue.pollFirst();
    }
  }

  /**
   * The next message, waiting up to {@code wait}; empty when none came in time or the subscription
   * was closed ({@link #closed()} tells which).
   */
  Optional<SseMessage> next(Duration wait) throws InterruptedException {
    if (closed) {
      return Optional.empty();
    }
    SseMessage m = queue.pollFirst(wait.toMillis(), TimeUnit.MILLISECONDS);
    return m == null || m == END ? Optional.empty() : Optional.of(m);
  }

  boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    queue.offerFirst(END); // wakes a waiting next()
    onClose.accept(this);
  }
}
