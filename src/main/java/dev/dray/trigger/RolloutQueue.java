package dev.dray.trigger;

import dev.dray.deploy.DeployReport;
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
import java.util.concurrent.TimeUnit;

/**
 * Runs the rollouts triggers ask for, one per app at a time, each app on its own thread.
 *
 * <p>Triggers arriving while an app's rollout runs coalesce: only the newest waits, an older
 * waiting one is dropped and reported {@link TriggerEvent.Superseded}. An automatic trigger for
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
  private final Sleeper sleeper;
  private final Object lock = new Object();
  private final Map<String, AppLane> lanes = new HashMap<>();
  private boolean closed;

  /** What the queue knows of one app. */
  private static final class AppLane {
    Trigger running;
    Trigger pending;
    Trigger lastSucceeded;
    Thread worker;
  }

  public RolloutQueue(RolloutPort port, EventSink events, Clock clock) {
    this(port, events, clock, TriggerThreads.named("dray-rollout"));
  }

  public RolloutQueue(RolloutPort port, EventSink events, Clock clock, ThreadFactory threads) {
    this(port, events, clock, threads, Sleeper.system());
  }

  /**
   * @param sleeper waits between the tries of a registry push's rollout ({@link #TAG_CATCH_UP})
   */
  public RolloutQueue(
      RolloutPort port, EventSink events, Clock clock, ThreadFactory threads, Sleeper sleeper) {
    this.port = Objects.requireNonNull(port, "port");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.threads = Objects.requireNonNull(threads, "threads");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Queues {@code trigger}: runs it now when its app is idle, else lets it wait (coalescing). */
  @Override
  public void submit(Trigger trigger) {
    Objects.requireNonNull(trigger, "trigger");
    events.emit(new TriggerEvent.Received(clock.instant(), trigger));
    List<TriggerEvent> outcome = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        outcome.add(skipped(trigger, "the server is stopping"));
      } else {
        AppLane lane = lanes.computeIfAbsent(trigger.app(), a -> new AppLane());
        Optional<String> duplicate = duplicateOf(lane, trigger);
        if (duplicate.isPresent()) {
          outcome.add(skipped(trigger, duplicate.get()));
        } else if (lane.running == null) {
          lane.running = trigger;
          lane.worker = threads.newThread(() -> work(trigger.app(), lane));
          lane.worker.start();
        } else {
          if (lane.pending != null) {
            outcome.add(new TriggerEvent.Superseded(clock.instant(), lane.pending, trigger));
          }
          lane.pending = trigger;
        }
      }
    }
    outcome.forEach(events::emit);
  }

  /** The trigger waiting for {@code app}'s running rollout to end, if any. */
  public Optional<Trigger> pending(String app) {
    synchronized (lock) {
      AppLane lane = lanes.get(app);
      return Optional.ofNullable(lane == null ? null : lane.pending);
    }
  }

  /** The trigger whose rollout runs for {@code app} now, if any. */
  public Optional<Trigger> running(String app) {
    synchronized (lock) {
      AppLane lane = lanes.get(app);
      return Optional.ofNullable(lane == null ? null : lane.running);
    }
  }

  /**
   * Stops taking triggers, drops the waiting ones (reported as skipped), interrupts running
   * rollouts (a rollout undoes what it did when interrupted) and waits up to a minute for them.
   */
  @Override
  public void close() {
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
    workers.forEach(Thread::interrupt);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    for (Thread worker : workers) {
      try {
        worker.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Why {@code trigger} asks for nothing new, if so. Called under the lock. */
  private static Optional<String> duplicateOf(AppLane lane, Trigger trigger) {
    if (!isAutomatic(trigger)) {
      return Optional.empty();
    }
    if (sameRollout(lane.running, trigger)) {
      return Optional.of("the rollout of " + lane.running.describe() + " is running");
    }
    if (sameRollout(lane.pending, trigger)) {
      return Optional.of("the same rollout is waiting already (" + lane.pending.describe() + ")");
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

  private TriggerEvent.Skipped skipped(Trigger trigger, String reason) {
    return new TriggerEvent.Skipped(clock.instant(), trigger, reason);
  }

  /** The app's worker: runs its trigger, then whatever waits, until nothing does. */
  private void work(String app, AppLane lane) {
    Trigger current;
    synchronized (lock) {
      current = lane.running;
    }
    while (current != null) {
      boolean rolledOut = runOne(current);
      List<TriggerEvent> skipped = new ArrayList<>();
      synchronized (lock) {
        if (rolledOut) {
          lane.lastSucceeded = current;
        }
        Trigger next = lane.pending;
        lane.pending = null;
        lane.running = null;
        Optional<String> duplicate = next == null ? Optional.empty() : duplicateOf(lane, next);
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
  private boolean runOne(Trigger trigger) {
    Instant started = clock.instant();
    events.emit(new TriggerEvent.Started(started, trigger));
    Optional<DeployReport> report = Optional.empty();
    Optional<String> failure = Optional.empty();
    try {
      report = Optional.of(run(trigger));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = Optional.of("interrupted: the server is stopping");
    } catch (RuntimeException e) {
      failure = Optional.of(describe(e));
    }
    Instant ended = clock.instant();
    TriggerEvent.Finished finished =
        new TriggerEvent.Finished(
            ended, trigger, report, failure, Duration.between(started, ended));
    events.emit(finished);
    return finished.succeeded() && !nothingDone(report.orElseThrow());
  }

  private DeployReport run(Trigger trigger) throws InterruptedException {
    return switch (trigger) {
      case Trigger.GitPushed push when push.kind() == Trigger.GitPushed.Kind.BUILD_AND_DEPLOY ->
          port.buildAndDeploy(push);
      case Trigger.ManualRollback rollback -> port.rollback(rollback.app(), rollback.target());
      case Trigger.GitPushed push -> port.deploy(push.app(), push.version());
      case Trigger.ImagePushed pushed -> deployPushed(pushed);
      case Trigger.ManualDeploy manual -> port.deploy(manual.app(), manual.version());
    };
  }

  /** Deploys a pushed image, trying a registry push again while the tag may lag behind. */
  private DeployReport deployPushed(Trigger.ImagePushed pushed) throws InterruptedException {
    DeployReport report = port.deploy(pushed.app(), pushed.version());
    for (Duration wait : TAG_CATCH_UP) {
      if (!pushed.source().equals("registry")
          || !nothingDone(report)
          || pending(pushed.app()).isPresent()) {
        break;
      }
      sleeper.sleep(wait);
      report = port.deploy(pushed.app(), pushed.version());
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
