package dev.dray.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dray.deploy.DeployReport;
import dev.dray.image.Digest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rollout queue: one rollout per app, coalescing, skipping, failures, shutdown. */
class RolloutQueueTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final RecordingEvents events = new RecordingEvents();
  private final ScriptedPort port = new ScriptedPort();
  private final RolloutQueue queue =
      new RolloutQueue(port, events, Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterEach
  void closeQueue() {
    port.releaseAll();
    queue.close();
  }

  /**
   * A rollout port whose rollouts of versions named in {@link #block} wait until released, and
   * which records every call as {@code app:what:version}.
   */
  static final class ScriptedPort implements RolloutPort {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> deployIds = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger underWay =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger mostAtOnce =
        new java.util.concurrent.atomic.AtomicInteger();
    final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> started = new ConcurrentHashMap<>();
    final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();

    /** Makes the rollout of {@code version} block until {@link #release}. */
    void block(String version) {
      gates.put(version, new CountDownLatch(1));
      started.put(version, new CountDownLatch(1));
    }

    void release(String version) {
      gates.get(version).countDown();
    }

    void releaseAll() {
      gates.values().forEach(CountDownLatch::countDown);
    }

    void awaitStarted(String version) throws InterruptedException {
      assertThat(started.get(version).await(10, TimeUnit.SECONDS))
          .as("rollout of %s started", version)
          .isTrue();
    }

    private DeployReport run(String app, String what, String version) throws InterruptedException {
      calls.add(app + ":" + what + ":" + version);
      CountDownLatch start = started.get(version);
      if (start != null) {
        start.countDown();
      }
      CountDownLatch gate = gates.get(version);
      if (gate != null) {
        gate.await();
      }
      RuntimeException failure = failures.get(version);
      if (failure != null) {
        throw failure;
      }
      return Reports.succeeded(app, version);
    }

    @Override
    public DeployReport run(QueuedRollout rollout) throws InterruptedException {
      deployIds.add(rollout.deployId());
      mostAtOnce.accumulateAndGet(underWay.incrementAndGet(), Math::max);
      try {
        return RolloutPort.super.run(rollout);
      } finally {
        underWay.decrementAndGet();
      }
    }

    @Override
    public DeployReport deploy(String app, String version) throws InterruptedException {
      return run(app, "deploy", version);
    }

    @Override
    public DeployReport buildAndDeploy(Trigger.GitPushed push) throws InterruptedException {
      return run(push.app(), "build+deploy", push.version());
    }

    @Override
    public DeployReport rollback(String app, Optional<String> version) throws InterruptedException {
      return run(app, "rollback", version.orElse("previous"));
    }
  }

  private static Trigger.ImagePushed pushed(String app, String version, char digit) {
    return new Trigger.ImagePushed(
        app, version, new Digest("sha256", String.valueOf(digit).repeat(64)), "registry", NOW);
  }

  private void awaitFinished(int count) {
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(events.of(TriggerEvent.Finished.class)).hasSize(count));
  }

  @Test
  void runsATriggerForAnIdleAppAtOnce() {
    Trigger t = pushed("hello", "1.4.2", 'a');

    queue.submit(t);
    awaitFinished(1);

    assertThat(port.calls).containsExactly("hello:deploy:1.4.2");
    assertThat(events.all())
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("Received", "Started", "Finished");
    TriggerEvent.Finished finished = events.of(TriggerEvent.Finished.class).get(0);
    assertThat(finished.trigger()).isEqualTo(t);
    assertThat(finished.succeeded()).isTrue();
    assertThat(finished.report().orElseThrow().version()).isEqualTo("1.4.2");
  }

  @Test
  void triggersArrivingDuringARolloutCoalesceSoOnlyTheNewestRunsNext() throws Exception {
    port.block("1.4.0");
    Trigger first = pushed("hello", "1.4.0", '0');
    Trigger second = pushed("hello", "1.4.1", '1');
    Trigger third = pushed("hello", "1.4.2", '2');
    Trigger fourth = pushed("hello", "1.4.3", '3');

    queue.submit(first);
    port.awaitStarted("1.4.0");
    queue.submit(second);
    queue.submit(third);
    queue.submit(fourth);

    assertThat(queue.running("hello")).contains(first);
    assertThat(queue.pending("hello")).contains(fourth);
    assertThat(events.of(TriggerEvent.Superseded.class))
        .extracting(TriggerEvent.Superseded::message)
        .containsExactly(
            "registry 1.4.1 (sha256:111111111111) superseded by registry 1.4.2"
                + " (sha256:222222222222)",
            "registry 1.4.2 (sha256:222222222222) superseded by registry 1.4.3"
                + " (sha256:333333333333)");

    port.release("1.4.0");
    awaitFinished(2);

    assertThat(port.calls).containsExactly("hello:deploy:1.4.0", "hello:deploy:1.4.3");
    assertThat(events.of(TriggerEvent.Started.class))
        .extracting(TriggerEvent.Started::trigger)
        .containsExactly(first, fourth);
    assertThat(queue.pending("hello")).isEmpty();
    await().atMost(WAIT).until(() -> queue.running("hello").isEmpty());
  }

  @Test
  void skipsATriggerForTheVersionAndDigestAlreadyRunning() {
    Trigger deployed = pushed("hello", "latest", 'a');
    queue.submit(deployed);
    awaitFinished(1);
    await().atMost(WAIT).until(() -> queue.running("hello").isEmpty());

    Trigger again =
        new Trigger.ImagePushed("hello", "latest", pushed("x", "y", 'a').digest(), "poll", NOW);
    queue.submit(again);
    Trigger changed = pushed("hello", "latest", 'b');
    queue.submit(changed);
    awaitFinished(2);

    assertThat(port.calls).containsExactly("hello:deploy:latest", "hello:deploy:latest");
    assertThat(events.of(TriggerEvent.Skipped.class))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.trigger()).isEqualTo(again);
              assertThat(s.reason()).isEqualTo("latest already runs");
            });
    assertThat(events.of(TriggerEvent.Started.class).get(1).trigger()).isEqualTo(changed);
  }

  @Test
  void skipsATriggerForTheRolloutUnderWay() throws Exception {
    port.block("1.4.2");
    queue.submit(pushed("hello", "1.4.2", 'a'));
    port.awaitStarted("1.4.2");

    queue.submit(
        new Trigger.ImagePushed("hello", "1.4.2", pushed("x", "y", 'a').digest(), "poll", NOW));

    assertThat(queue.pending("hello")).isEmpty();
    assertThat(events.of(TriggerEvent.Skipped.class))
        .singleElement()
        .extracting(TriggerEvent.Skipped::reason)
        .isEqualTo("the rollout of registry 1.4.2 (sha256:aaaaaaaaaaaa) is running");
    port.release("1.4.2");
    awaitFinished(1);
    assertThat(port.calls).hasSize(1);
  }

  @Test
  void theSameImageSeenByTheWatcherAndANotificationWaitsOnce() throws Exception {
    port.block("1.4.0");
    queue.submit(pushed("hello", "1.4.0", '0'));
    port.awaitStarted("1.4.0");
    Trigger notified = pushed("hello", "latest", 'b');
    Trigger polled =
        new Trigger.ImagePushed("hello", "latest", pushed("x", "y", 'b').digest(), "poll", NOW);

    queue.submit(notified);
    queue.submit(polled);

    assertThat(queue.pending("hello")).contains(notified);
    assertThat(events.of(TriggerEvent.Superseded.class)).isEmpty();
    assertThat(events.of(TriggerEvent.Skipped.class))
        .singleElement()
        .extracting(TriggerEvent.Skipped::reason)
        .isEqualTo("the same rollout is waiting already (registry latest (sha256:bbbbbbbbbbbb))");
    port.release("1.4.0");
    awaitFinished(2);
    assertThat(port.calls).containsExactly("hello:deploy:1.4.0", "hello:deploy:latest");
  }

  @Test
  void aManualDeployOfTheRunningVersionStillRuns() {
    queue.submit(new Trigger.ManualDeploy("hello", "1.4.2", "alice", NOW));
    awaitFinished(1);
    await().atMost(WAIT).until(() -> queue.running("hello").isEmpty());
    queue.submit(new Trigger.ManualDeploy("hello", "1.4.2", "alice", NOW));
    awaitFinished(2);

    assertThat(port.calls).containsExactly("hello:deploy:1.4.2", "hello:deploy:1.4.2");
  }

  @Test
  void aManualDeployWaitsForTheAutomaticRolloutUnderWayInsteadOfRacingIt() throws Exception {
    port.block("1.4.0");
    QueuedRollout auto = queue.enqueue(pushed("hello", "1.4.0", '0'));
    port.awaitStarted("1.4.0");

    QueuedRollout manual = queue.enqueue(new Trigger.ManualDeploy("hello", "1.3.9", "api", NOW));

    assertThat(queue.running("hello")).contains(auto.trigger());
    assertThat(queue.pending("hello")).contains(manual.trigger());
    assertThat(port.calls).containsExactly("hello:deploy:1.4.0");
    port.release("1.4.0");
    awaitFinished(2);

    assertThat(port.calls).containsExactly("hello:deploy:1.4.0", "hello:deploy:1.3.9");
    assertThat(port.mostAtOnce.get()).isEqualTo(1);
    assertThat(port.deployIds).containsExactly(auto.deployId(), manual.deployId());
    assertThat(events.of(TriggerEvent.Finished.class))
        .extracting(f -> f.trigger().source() + " " + f.deployId())
        .containsExactly("registry " + auto.deployId(), "api " + manual.deployId());
  }

  @Test
  void aNewerTriggerReplacesAWaitingManualRequestWhichIsToldSuperseded() throws Exception {
    port.block("1.4.0");
    queue.submit(pushed("hello", "1.4.0", '0'));
    port.awaitStarted("1.4.0");
    QueuedRollout manual = queue.enqueue(new Trigger.ManualDeploy("hello", "1.3.9", "api", NOW));

    QueuedRollout newer = queue.enqueue(pushed("hello", "1.4.1", '1'));

    assertThat(queue.pending("hello")).contains(newer.trigger());
    assertThat(events.of(TriggerEvent.Superseded.class))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.deployId()).isEqualTo(manual.deployId());
              assertThat(s.byDeployId()).isEqualTo(newer.deployId());
              assertThat(s.message())
                  .isEqualTo("api 1.3.9 superseded by registry 1.4.1 (sha256:111111111111)");
            });
    port.release("1.4.0");
    awaitFinished(2);
    assertThat(port.calls).containsExactly("hello:deploy:1.4.0", "hello:deploy:1.4.1");
    assertThat(port.deployIds).doesNotContain(manual.deployId());
  }

  @Test
  void aManualRollbackRunsUnderTheIdItWasGivenWhenQueued() {
    QueuedRollout rollback =
        queue.enqueue(new Trigger.ManualRollback("hello", Optional.of("1.3.0"), "api", NOW));
    awaitFinished(1);

    assertThat(port.calls).containsExactly("hello:rollback:1.3.0");
    assertThat(port.deployIds).containsExactly(rollback.deployId());
    assertThat(events.of(TriggerEvent.Received.class))
        .singleElement()
        .extracting(TriggerEvent.Received::deployId)
        .isEqualTo(rollback.deployId());
    assertThat(events.of(TriggerEvent.Started.class).get(0).deployId())
        .isEqualTo(rollback.deployId());
  }

  @Test
  void refusesToQueueAManualRequestOnceClosing() {
    queue.close();

    assertThatThrownBy(() -> queue.enqueue(new Trigger.ManualDeploy("hello", "1.4.2", "api", NOW)))
        .isInstanceOf(RolloutQueueClosedException.class)
        .hasMessage("the rollout of hello was not queued: dray server is stopping");
    assertThat(port.calls).isEmpty();
  }

  @Test
  void closingLetsTheRolloutUnderWayEndWithinTheGrace() throws Exception {
    port.block("1.4.0");
    queue.submit(pushed("hello", "1.4.0", '0'));
    port.awaitStarted("1.4.0");
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              port.release("1.4.0");
            });

    queue.close(WAIT);

    assertThat(events.of(TriggerEvent.Finished.class))
        .singleElement()
        .satisfies(f -> assertThat(f.succeeded()).isTrue());
  }

  @Test
  void differentAppsRollOutAtTheSameTime() throws Exception {
    port.block("1.0.0");
    queue.submit(pushed("slow", "1.0.0", 'a'));
    port.awaitStarted("1.0.0");

    queue.submit(pushed("fast", "2.0.0", 'b'));
    awaitFinished(1);

    assertThat(events.of(TriggerEvent.Finished.class).get(0).trigger().app()).isEqualTo("fast");
    assertThat(queue.running("slow")).isPresent();
  }

  @Test
  void aFailedRolloutIsReportedAndTheWaitingTriggerStillRuns() throws Exception {
    port.block("1.4.0");
    port.failures.put("1.4.0", new IllegalStateException("the deploy lock is held by bob"));
    queue.submit(pushed("hello", "1.4.0", '0'));
    port.awaitStarted("1.4.0");
    queue.submit(pushed("hello", "1.4.1", '1'));

    port.release("1.4.0");
    awaitFinished(2);

    List<TriggerEvent.Finished> finished = events.of(TriggerEvent.Finished.class);
    assertThat(finished.get(0).succeeded()).isFalse();
    assertThat(finished.get(0).report()).isEmpty();
    assertThat(finished.get(0).failure()).contains("the deploy lock is held by bob");
    assertThat(finished.get(1).succeeded()).isTrue();
    assertThat(port.calls).containsExactly("hello:deploy:1.4.0", "hello:deploy:1.4.1");
  }

  @Test
  void aBranchPushBuildsAndDeploysATagPushDeploysARollbackRollsBack() {
    String sha = "90dd6032fac8bda1b6c4436a2e65de27961ed071";
    queue.submit(
        new Trigger.GitPushed(
            "hello",
            "main-90dd603",
            "refs/heads/main",
            sha,
            Trigger.GitPushed.Kind.BUILD_AND_DEPLOY,
            NOW));
    awaitFinished(1);
    queue.submit(
        new Trigger.GitPushed(
            "hello", "1.4.2", "refs/tags/v1.4.2", sha, Trigger.GitPushed.Kind.DEPLOY, NOW));
    awaitFinished(2);
    queue.submit(new Trigger.ManualRollback("hello", Optional.empty(), "alice", NOW));
    awaitFinished(3);

    assertThat(port.calls)
        .containsExactly(
            "hello:build+deploy:main-90dd603", "hello:deploy:1.4.2", "hello:rollback:previous");
  }

  @Test
  void closingDropsWaitingTriggersAndInterruptsTheRunningRollout() throws Exception {
    port.block("1.4.0");
    queue.submit(pushed("hello", "1.4.0", '0'));
    port.awaitStarted("1.4.0");
    Trigger waiting = pushed("hello", "1.4.1", '1');
    queue.submit(waiting);

    queue.close();

    assertThat(events.of(TriggerEvent.Skipped.class))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.trigger()).isEqualTo(waiting);
              assertThat(s.reason()).isEqualTo("the server is stopping");
            });
    assertThat(events.of(TriggerEvent.Finished.class))
        .singleElement()
        .satisfies(f -> assertThat(f.failure()).contains("interrupted: the server is stopping"));
    assertThat(port.calls).containsExactly("hello:deploy:1.4.0");

    queue.submit(pushed("hello", "1.4.2", '2'));
    assertThat(events.of(TriggerEvent.Skipped.class)).hasSize(2);
    assertThat(port.calls).hasSize(1);
  }
}
