package dev.dray.server;

import dev.dray.DrayException;
import dev.dray.deploy.DeployEvent.Warning;
import dev.dray.deploy.DeployResult;
import dev.dray.events.EventSink;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Rollouts} run one after another on a single worker thread, in the order they were asked
 * for. What does not show in a rollout's own events (nothing to do, a rollout that could not start)
 * is emitted as a {@link Warning} on the app's event sink.
 *
 * <p>Closing drops the requests not yet started and waits for the one under way, so a stopping
 * server does not cut a rollout in half.
 */
public final class WorkerRollouts implements Rollouts, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerRollouts.class);

  private final AppRollouts target;
  private final Function<String, EventSink> events;
  private final Clock clock;
  private final ThreadPoolExecutor worker;

  /**
   * @param events the event sink of each app, by app name
   */
  public WorkerRollouts(AppRollouts target, Function<String, EventSink> events, Clock clock) {
    this.target = target;
    this.events = events;
    this.clock = clock;
    this.worker =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> Thread.ofPlatform().name("dray-rollouts").daemon(true).unstarted(r));
  }

  @Override
  public Optional<String> deploy(String app, String version) {
    submit(app, "deploy of " + version, () -> target.deploy(app, version));
    return Optional.empty();
  }

  @Override
  public Optional<String> rollback(String app, Optional<String> version) {
    submit(
        app,
        "rollback" + version.map(v -> " to " + v).orElse(""),
        () -> target.rollback(app, version));
    return Optional.empty();
  }

  /** How many requests wait behind the one under way. */
  public int queued() {
    return worker.getQueue().size();
  }

  private interface Rollout {
    DeployResult run() throws InterruptedException;
  }

  private void submit(String app, String what, Rollout rollout) {
    try {
      worker.execute(() -> run(app, what, rollout));
    } catch (RejectedExecutionException e) {
      throw ApiRefusal.unavailable("dray server is stopping; the " + what + " was not queued");
    }
  }

  private void run(String app, String what, Rollout rollout) {
    EventSink sink = events.apply(app);
    try {
      DeployResult result = rollout.run();
      if (result instanceof DeployResult.AlreadyRunning already) {
        sink.emit(
            new Warning(
                clock.instant(),
                what + ": version " + already.version() + " already runs; nothing to do"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sink.emit(new Warning(clock.instant(), what + " of " + app + " was interrupted"));
    } catch (DrayException e) {
      LOG.warn("{} of {} failed: {}", what, app, e.getMessage());
      sink.emit(
          new Warning(
              clock.instant(),
              what + " failed: " + e.getMessage() + e.hint().map(h -> " (" + h + ")").orElse("")));
    } catch (RuntimeException e) {
      LOG.error("{} of {} failed unexpectedly", what, app, e);
      sink.emit(
          new Warning(
              clock.instant(),
              what
                  + " failed unexpectedly: "
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage()));
    }
  }

  /**
   * Drops the requests not yet started and waits up to {@code grace} for the one under way, then
   * interrupts it.
   */
  public void close(Duration grace) {
    worker.getQueue().clear();
    worker.shutdown();
    try {
      if (!worker.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** {@link #close(Duration)} with ten minutes' grace: long enough for a rollout to end. */
  @Override
  public void close() {
    close(Duration.ofMinutes(10));
  }
}
