package dev.dray.trigger;

import dev.dray.deploy.DeployReport;
import dev.dray.deploy.Deployer;
import dev.dray.events.EventSink;
import dev.dray.registry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Runs the rollouts triggers ask for, one per app at a time, each app on its own thread: automatic
 * ones (registry, poll, GitHub) and those asked for through the API ({@code api}: deploys and
 * rollbacks) alike, so they never race for an app's deploy lock.
 *
 * <p>Each trigger gets a deploy id when it arrives ({@link #enqueue}); the rollout's deploy record
 * has that id once it runs. Triggers arriving while an app's rollout runs coalesce: only the newest
 * waits, an older waiting one (a manual request too) is dropped and reported {@link
 * TriggerEvent.Superseded}; the rollout under way is never interrupted. An automatic trigger for
 * what already runs or is being rolled out (same version and revision) is {@link
 * TriggerEvent.Skipped}. Every step is an event.
 *
 * <p>A CNCF registry posts a push notification before it points the tag at the new manifest
 * (distribution/distribution#2625), so a rollout started at once can still find the previous digest
 * under the tag and have nothing to do. A registry push whose rollout had nothing to do is
 * therefore tried again after {@link #TAG_CATCH_UP} waits, unless a newer trigger for the app is
 * waiting.
 */
public final class RolloutQueue implements TriggerSink, AutoCloseable {
  /** The waits before a registry push's rollout that had nothing to do is tried again. */
  static final List<Duration> TAG_CATCH_UP =
      List.of(
          Duration.ofMillis(100),
          Duration.ofMillis(200),
          Duration.ofMillis(400),
          Duration.ofMillis(800));

  private final RolloutPort port;
  private final EventSink events;
  private final Clock clock;
  private final ThreadFactory threads;
  private final Supplier<String> ids;
  private final Sleeper sleeper;
  private final Object lock = new Object();
  private final Map<String, AppLane> lanes = new HashMap<>();
  private boolean closed;

  /** What the queue knows of one app. */
  private static final class AppLane {
    QueuedRollout running;
    QueuedRollout pending;
    Trigger lastSucceeded;
    Thread worker;
  }

  public RolloutQueue(RolloutPort port, EventSink events, Clock clock) {
    this(port, events, clock, TriggerThreads.named("dray-rollout"));
  }

  public RolloutQueue(RolloutPort port, EventSink events, Clock clock, ThreadFactory threads) {
    this(port, events, clock, threads, Deployer::newDeployId, Sleeper.system());
  }

  /**
   * @param ids makes the deploy id of each trigger that arrives
   */
  public RolloutQueue(
      RolloutPort port,
      EventSink events,
      Clock clock,
      ThreadFactory threads,
      Supplier<String> ids) {
    this(port, events, clock, threads, ids, Sleeper.system());
  }

  /**
   * @param sleeper waits between the tries of a registry push's rollout ({@link #TAG_CATCH_UP})
   */
  public RolloutQueue(
      RolloutPort port, EventSink events, Clock clock, ThreadFactory threads, Sleeper sleeper) {
    this(port, events, clock, threads, Deployer::newDeployId, sleeper);
  }

  private RolloutQueue(
      RolloutPort port,
      EventSink events,
      Clock clock,
      ThreadFactory threads,
      Supplier<String> ids,
      Sleeper sleeper) {
    this.port = Objects.requireNonNull(port, "port");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.threads = Objects.requireNonNull(threads, "threads");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Queues {@code trigger}: runs it now when its app is idle, else lets it wait (coalescing). A
   * trigger arriving while the queue closes is reported skipped.
   */
  @Override
  public void submit(Trigger trigger) {
    admit(trigger, false);
  }

  /**
   * Queues {@code trigger} like {@link #submit} and says under which deploy id it will run; what
   * becomes of it (started, superseded, skipped, finished) the queue's events tell under that id.
   *
   * @throws RolloutQueueClosedException when the queue is closing: nothing was queued
   */
  public QueuedRollout enqueue(Trigger trigger) {
    return admit(trigger, true);
  }

  private QueuedRollout admit(Trigger trigger, boolean refuseWhenClosed) {
    Objects.requireNonNull(trigger, "trigger");
    QueuedRollout rollout = new QueuedRollout(ids.get(), trigger);
    events.emit(new TriggerEvent.Received(clock.instant(), trigger, rollout.deployId()));
    List<TriggerEvent> outcome = new ArrayList<>();
    boolean refused = false;
    synchronized (lock) {
      if (closed) {
        outcome.add(skipped(rollout, "the server is stopping"));
        refused = refuseWhenClosed;
      } else {
        AppLane lane = lanes.computeIfAbsent(trigger.app(), a -> new AppLane());
        Optional<String> duplicate = duplicateOf(lane, trigger);
        if (duplicate.isPresent()) {
          outcome.add(skipped(rollout, duplicate.get()));
        } else if (lane.running == null) {
          lane.running = rollout;
          lane.worker = threads.newThread(() -> work(lane));
          lane.worker.start();
        } else {
          if (lane.pending != null) {
            outcome.add(
                new TriggerEvent.Superseded(
                    clock.instant(),
                    lane.pending.trigger(),
                    lane.pending.deployId(),
                    trigger,
                    rollout.deployId()));
          }
          lane.pending = rollout;
        }
      }
    }
    outcome.forEach(events::emit);
    if (refused) {
      throw new RolloutQueueClosedException(trigger.app());
    }
    return rollout;
  }

  /** The trigger waiting for {@code app}'s running rollout to end, if any. */
  public Optional<Trigger> pending(String app) {
    synchronized (lock) {
      AppLane lane = lanes.get(app);
      return Optional.ofNullable(lane == null ? null : lane.pending).map(QueuedRollout::trigger);
    }
  }

  /** The trigger whose rollout runs for {@code app} now, if any. */
  public Optional<Trigger> running(String app) {
    synchronized (lock) {
      AppLane lane = lanes.get(app);
      return Optional.ofNullable(lane == null ? null : lane.running).map(QueuedRollout::trigger);
    }
  }

  /**
   * Stops taking triggers, drops the waiting ones (reported as skipped), interrupts running
   * rollouts (a rollout undoes what it did when interrupted) and waits up to a minute for them.
   */
  @Override
  public void close() {
    close(Duration.ZERO);
  }

  /**
   * Like {@link #close()}, but lets running rollouts end by themselves for up to {@code grace}
   * before interrupting them.
   */
  public void close(Duration grace) {
    List<Thread> workers = new ArrayList<>();
    List<TriggerEvent> dropped = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      for (AppLane lane : lanes.values()) {
        if (lane.pending != null) {
          dropped.add(skipped(lane.pending, "the server is stopping"));
          lane.pending = null;
        }
        if (lane.worker != null) {
          workers.add(lane.worker);
        }
      }
    }
    dropped.forEach(events::emit);
    boolean waited = awaitAll(workers, grace);
    workers.forEach(Thread::interrupt);
    if (waited) {
      awaitAll(workers, Duration.ofMinutes(1));
    }
  }

  /** Waits up to {@code limit} for {@code workers} to end; false when interrupted meanwhile. */
  private static boolean awaitAll(List<Thread> workers, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    for (Thread worker : workers) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      try {
        worker.join(Duration.ofNanos(left));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Why {@code trigger} asks for nothing new, if so. Called under the lock. */
  private static Optional<String> duplicateOf(AppLane lane, Trigger trigger) {
    if (!isAutomatic(trigger)) {
      return Optional.empty();
    }
    Trigger running = lane.running == null ? null : lane.running.trigger();
    Trigger pending = lane.pending == null ? null : lane.pending.trigger();
    if (sameRollout(running, trigger)) {
      return Optional.of("the rollout of " + running.describe() + " is running");
    }
    if (sameRollout(pending, trigger)) {
      return Optional.of("the same rollout is waiting already (" + pending.describe() + ")");
    }
    if (lane.running == null && sameRollout(lane.lastSucceeded, trigger)) {
      return Optional.of(trigger.version() + " already runs");
    }
    return Optional.empty();
  }

  private static boolean isAutomatic(Trigger t) {
    return t instanceof Trigger.ImagePushed || t instanceof Trigger.GitPushed;
  }

  private static boolean sameRollout(Trigger done, Trigger next) {
    return done != null
        && isAutomatic(done)
        && done.version().equals(next.version())
        && next.revision().isPresent()
        && next.revision().equals(done.revision());
  }

  private TriggerEvent.Skipped skipped(QueuedRollout rollout, String reason) {
    return new TriggerEvent.Skipped(clock.instant(), rollout.trigger(), rollout.deployId(), reason);
  }

  /** The app's worker: runs its trigger, then whatever waits, until nothing does. */
  private void work(AppLane lane) {
    QueuedRollout current;
    synchronized (lock) {
      current = lane.running;
    }
    while (current != null) {
      boolean rolledOut = runOne(current);
      List<TriggerEvent> skipped = new ArrayList<>();
      synchronized (lock) {
        if (rolledOut) {
          lane.lastSucceeded = current.trigger();
        }
        QueuedRollout next = lane.pending;
        lane.pending = null;
        lane.running = null;
        Optional<String> duplicate =
            next == null ? Optional.empty() : duplicateOf(lane, next.trigger());
        if (duplicate.isPresent()) {
          skipped.add(skipped(next, duplicate.get()));
          next = null;
        }
        if (next != null && (closed || Thread.currentThread().isInterrupted())) {
          skipped.add(skipped(next, "the server is stopping"));
          next = null;
        }
        lane.running = next;
        if (next == null) {
          lane.worker = null;
        }
        current = next;
      }
      skipped.forEach(events::emit);
    }
  }

  /**
   * Runs one rollout and reports it; true when it succeeded and rolled something out (not when the
   * version already ran). Never throws.
   */
  private boolean runOne(QueuedRollout rollout) {
    Trigger trigger = rollout.trigger();
    Instant started = clock.instant();
    events.emit(new TriggerEvent.Started(started, trigger, rollout.deployId()));
    Optional<DeployReport> report = Optional.empty();
    Optional<String> failure = Optional.empty();
    try {
      report = Optional.of(run(rollout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = Optional.of("interrupted: the server is stopping");
    } catch (RuntimeException e) {
      failure = Optional.of(describe(e));
    }
    Instant ended = clock.instant();
    TriggerEvent.Finished finished =
        new TriggerEvent.Finished(
            ended, trigger, rollout.deployId(), report, failure, Duration.between(started, ended));
    events.emit(finished);
    return finished.succeeded() && !nothingDone(report.orElseThrow());
  }

  /**
   * Runs {@code rollout} through the port; a registry push whose rollout had nothing to do is tried
   * again while the tag may lag behind the notification ({@link #TAG_CATCH_UP}).
   */
  private DeployReport run(QueuedRollout rollout) throws InterruptedException {
    DeployReport report = port.run(rollout);
    if (!(rollout.trigger() instanceof Trigger.ImagePushed pushed)
        || !pushed.source().equals("registry")) {
      return report;
    }
    for (Duration wait : TAG_CATCH_UP) {
      if (!nothingDone(report) || pending(pushed.app()).isPresent()) {
        break;
      }
      sleeper.sleep(wait);
      report = port.run(rollout);
    }
    return report;
  }

  /** A successful report without steps: the version already ran ({@link RolloutPort#deploy}). */
  private static boolean nothingDone(DeployReport report) {
    return report.succeeded() && report.steps().isEmpty();
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return e instanceof dev.dray.DrayException dray && dray.hint().isPresent()
        ? message + " (" + dray.hint().get() + ")"
        : message;
  }
}
