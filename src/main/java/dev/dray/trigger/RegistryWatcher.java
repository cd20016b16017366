package dev.dray.trigger;

import dev.dray.build.ManifestLookup;
import dev.dray.events.EventSink;
import dev.dray.image.Digest;
import dev.dray.image.ImageRef;
import dev.dray.registry.RegistryResponseException;
import dev.dray.registry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Polls the registry for the digest of one tag with manifest HEAD requests only (which registries
 * do not count as pulls) and submits {@link Trigger.ImagePushed} when it changes.
 *
 * <p>The first answer is only remembered. Waits are the interval with jitter; errors and HTTP 429
 * back off exponentially ({@link PollSchedule}), never shorter than a {@code Retry-After} the
 * lookup reports through {@link RateLimitedException}. Each failure emits {@link
 * TriggerEvent.WatchFailed}. In production the lookup is {@code RegistryClient::manifestDigest},
 * best on a transport without retries of its own, so the watcher alone decides when to ask again.
 */
public final class RegistryWatcher implements AutoCloseable {
  private final ManifestLookup registry;
  private final ImageRef imageTag;
  private final String app;
  private final PollSchedule schedule;
  private final TriggerSink queue;
  private final Sleeper sleeper;
  private final Clock clock;
  private final EventSink events;
  private final AtomicLong heads = new AtomicLong();
  private final AtomicReference<Optional<Digest>> seen = new AtomicReference<>(Optional.empty());
  private final Object lock = new Object();
  private Thread thread;
  private volatile boolean closed;

  /**
   * @param imageTag the repository and tag to watch, such as {@code 127.0.0.1:5000/acme/app:latest}
   * @param queue where triggers go; in production the {@link RolloutQueue}
   */
  public RegistryWatcher(
      ManifestLookup registry,
      ImageRef imageTag,
      String app,
      Duration interval,
      double jitter,
      TriggerSink queue,
      Sleeper sleeper,
      Clock clock,
      EventSink events) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.imageTag = Objects.requireNonNull(imageTag, "imageTag");
    if (imageTag.tag().isEmpty() || imageTag.digest().isPresent()) {
      throw new IllegalArgumentException(
          "watch a tag, not a digest or a bare repository: " + imageTag);
    }
    this.app = Objects.requireNonNull(app, "app");
    this.schedule = PollSchedule.of(interval, jitter);
    this.queue = Objects.requireNonNull(queue, "queue");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.events = Objects.requireNonNull(events, "events");
  }

  /** Starts polling on a thread of its own; the first HEAD goes out at once. */
  public void start() {
    synchronized (lock) {
      if (thread != null || closed) {
        throw new IllegalStateException("the watcher of " + imageTag + " was already started");
      }
      thread = TriggerThreads.named("dray-watch-" + app).newThread(this::run);
      thread.start();
    }
  }

  /** Stops polling and waits briefly for the thread to end. */
  @Override
  public void close() {
    closed = true;
    Thread running;
    synchronized (lock) {
      running = thread;
    }
    if (running != null) {
      running.interrupt();
      try {
        running.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** How many HEAD requests the watcher has sent (failed ones included). */
  public long headRequests() {
    return heads.get();
  }

  /** The digest last seen; empty before the first answer or while the tag does not exist. */
  public Optional<Digest> lastDigest() {
    return seen.get();
  }

  /** The polling loop; returns when closed or interrupted. */
  void run() {
    boolean observed = false;
    int failures = 0;
    while (!closed) {
      Optional<Duration> retryAfter = Optional.empty();
      String failure = null;
      try {
        heads.incrementAndGet();
        Optional<Digest> now = registry.digestOf(imageTag);
        failures = 0;
        if (observed && now.isPresent() && !now.equals(seen.get())) {
          queue.submit(
              new Trigger.ImagePushed(
                  app, imageTag.tagOrLatest(), now.get(), "poll", clock.instant()));
        }
        seen.set(now);
        observed = true;
      } catch (RateLimitedException e) {
        failures++;
        retryAfter = e.retryAfter();
        failure = e.getMessage();
      } catch (RegistryResponseException e) {
        failures++;
        failure =
            e.status() == 429 ? "the registry is rate-limiting dray (HTTP 429)" : e.getMessage();
      } catch (RuntimeException e) {
        failures++;
        failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
      Duration wait = schedule.next(failures, retryAfter, ThreadLocalRandom.current().nextDouble());
      if (failure != null) {
        events.emit(
            new TriggerEvent.WatchFailed(clock.instant(), app, imageTag.toString(), failure, wait));
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
