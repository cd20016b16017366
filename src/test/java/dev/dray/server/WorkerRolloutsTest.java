package dev.dray.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dray.deploy.DeployEvent;
import dev.dray.deploy.DeployException;
import dev.dray.deploy.DeployResult;
import dev.dray.events.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerRolloutsTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private final List<String> runs = new CopyOnWriteArrayList<>();
  private final List<String> threads = new CopyOnWriteArrayList<>();
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile RuntimeException failure;
  private volatile boolean hold;

  private final AppRollouts target =
      new AppRollouts() {
        @Override
        public DeployResult deploy(String app, String version) throws InterruptedException {
          return run("deploy " + app + " " + version);
        }

        @Override
        public DeployResult rollback(String app, Optional<String> version)
            throws InterruptedException {
          return run("rollback " + app + " " + version.orElse("-"));
        }
      };

  private final WorkerRollouts worker =
      new WorkerRollouts(target, app -> events::add, Clock.fixed(T0, ZoneOffset.UTC));

  @AfterEach
  void close() {
    release.countDown();
    worker.close(Duration.ofSeconds(5));
  }

  private DeployResult run(String what) throws InterruptedException {
    threads.add(Thread.currentThread().getName());
    if (hold) {
      release.await(10, TimeUnit.SECONDS);
    }
    runs.add(what);
    if (failure != null) {
      throw failure;
    }
    return new DeployResult.AlreadyRunning(what.substring(what.lastIndexOf(' ') + 1), List.of());
  }

  @Test
  void runsRequestsOneAfterAnotherInTheOrderAsked() {
    hold = true;

    assertThat(worker.deploy("hello", "1.0.0")).isEmpty();
    worker.rollback("hello", Optional.empty());
    worker.deploy("other", "2.0.0");
    await().atMost(Duration.ofSeconds(5)).until(() -> worker.queued() == 2);
    assertThat(runs).isEmpty();
    release.countDown();

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(runs)
                    .containsExactly(
                        "deploy hello 1.0.0", "rollback hello -", "deploy other 2.0.0"));
    assertThat(threads).containsOnly("dray-rollouts");
  }

  @Test
  void tellsWhenTheVersionAlreadyRuns() {
    worker.deploy("hello", "1.0.0");

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(events)
                    .containsExactly(
                        new DeployEvent.Warning(
                            T0, "deploy of 1.0.0: version 1.0.0 already runs; nothing to do")));
  }

  @Test
  void tellsWhyARolloutCouldNotRunAndGoesOnWithTheNext() {
    failure = new DeployException("image x:9 is not in the registry", "build and push it first");
    worker.deploy("hello", "9");

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(events)
                    .containsExactly(
                        new DeployEvent.Warning(
                            T0,
                            "deploy of 9 failed: image x:9 is not in the registry (build and push"
                                + " it first)")));
    failure = null;
    worker.deploy("hello", "10");
    await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() == 2);
  }

  @Test
  void closingDropsWaitingRequestsAndLetsTheRunningOneEnd() throws Exception {
    hold = true;
    worker.deploy("hello", "1");
    worker.deploy("hello", "2");
    await().atMost(Duration.ofSeconds(5)).until(() -> threads.size() == 1);

    Thread closer = Thread.ofVirtual().start(() -> worker.close(Duration.ofSeconds(10)));
    Thread.sleep(200);
    release.countDown();
    closer.join(Duration.ofSeconds(10));

    assertThat(runs).containsExactly("deploy hello 1");
    assertThatThrownBy(() -> worker.deploy("hello", "3"))
        .isInstanceOfSatisfying(ApiRefusal.class, e -> assertThat(e.status()).isEqualTo(503));
  }
}
