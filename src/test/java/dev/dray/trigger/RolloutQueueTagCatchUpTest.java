package dev.dray.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dray.deploy.DeployReport;
import dev.dray.image.Digest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rollout queue when a registry notification arrives before the registry moved the tag: the
 * first rollout finds the previous digest and has nothing to do, so the push is tried again.
 */
class RolloutQueueTagCatchUpTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final RecordingEvents events = new RecordingEvents();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger lagging = new AtomicInteger();
  private final RolloutPort port =
      (app, version) -> {
        calls.add(app + ":" + version);
        return lagging.getAndDecrement() > 0
            ? Reports.nothingToDo(app, version)
            : Reports.succeeded(app, version);
      };
  private final RolloutQueue queue =
      new RolloutQueue(
          port,
          events,
          Clock.fixed(NOW, ZoneOffset.UTC),
          TriggerThreads.named("test-rollout"),
          waits::add);

  @AfterEach
  void closeQueue() {
    queue.close();
  }

  private static Trigger.ImagePushed pushed(String source, char digit) {
    return new Trigger.ImagePushed(
        "hello", "latest", new Digest("sha256", String.valueOf(digit).repeat(64)), source, NOW);
  }

  private void awaitFinished(int count) {
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(events.of(TriggerEvent.Finished.class)).hasSize(count));
    await().atMost(WAIT).until(() -> queue.running("hello").isEmpty());
  }

  @Test
  void aRegistryPushWhoseTagStillNamesTheRunningDigestIsTriedAgainUntilItRollsOut() {
    lagging.set(2);

    queue.submit(pushed("registry", 'b'));
    awaitFinished(1);

    assertThat(calls).containsExactly("hello:latest", "hello:latest", "hello:latest");
    assertThat(waits)
        .containsExactly(RolloutQueue.TAG_CATCH_UP.get(0), RolloutQueue.TAG_CATCH_UP.get(1));
    assertThat(events.of(TriggerEvent.Finished.class).get(0).report())
        .hasValueSatisfying(r -> assertThat(r.steps()).isNotEmpty());
  }

  @Test
  void aRegistryPushOfWhatAlreadyRunsGivesUpAfterTheCatchUpWaitsAndCanStillRollOutLater() {
    lagging.set(Integer.MAX_VALUE);

    queue.submit(pushed("registry", 'b'));
    awaitFinished(1);

    assertThat(waits).isEqualTo(RolloutQueue.TAG_CATCH_UP);
    assertThat(calls).hasSize(RolloutQueue.TAG_CATCH_UP.size() + 1);
    assertThat(events.of(TriggerEvent.Finished.class).get(0).succeeded()).isTrue();

    // nothing was rolled out, so the same image seen again is not skipped as running
    lagging.set(0);
    queue.submit(pushed("poll", 'b'));
    awaitFinished(2);
    assertThat(events.of(TriggerEvent.Skipped.class)).isEmpty();
    assertThat(events.of(TriggerEvent.Finished.class).get(1).report())
        .map(DeployReport::steps)
        .hasValueSatisfying(steps -> assertThat(steps).isNotEmpty());
  }

  @Test
  void aPolledPushIsNotTriedAgainSinceTheWatcherSawTheTagItself() {
    lagging.set(1);

    queue.submit(pushed("poll", 'b'));
    awaitFinished(1);

    assertThat(calls).containsExactly("hello:latest");
    assertThat(waits).isEmpty();
  }
}
