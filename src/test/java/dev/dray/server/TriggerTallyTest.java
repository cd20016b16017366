package dev.dray.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dray.deploy.DeployReport;
import dev.dray.image.Digest;
import dev.dray.trigger.RolloutQueue;
import dev.dray.trigger.Trigger;
import dev.dray.trigger.TriggerEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each trigger counted once by source and by how it ended, fed by a real rollout queue. */
class TriggerTallyTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final Digest D1 = Digest.of("sha256:" + "1".repeat(64));
  private static final Digest D2 = Digest.of("sha256:" + "2".repeat(64));

  private final TriggerTally tally = new TriggerTally();

  private static DeployReport report(String version, DeployReport.Outcome outcome) {
    return new DeployReport(
        "d-" + version,
        "hello",
        "deploy",
        version,
        outcome,
        NOW,
        Duration.ofSeconds(2),
        List.of(new DeployReport.StepOutcome(1, "1. pull hello:" + version, "DONE", Duration.ZERO)),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  private static TriggerTally.Key key(String source, String result) {
    return new TriggerTally.Key(source, result);
  }

  @Test
  void countsEachTriggerOnceWhenItsRolloutEndsOrItIsDropped() throws Exception {
    CountDownLatch firstMayEnd = new CountDownLatch(1);
    RolloutQueue queue =
        new RolloutQueue(
            (app, version) ->
                switch (version) {
                  case "1.0" -> {
                    firstMayEnd.await(10, TimeUnit.SECONDS);
                    yield report(version, DeployReport.Outcome.SUCCEEDED);
                  }
                  case "1.2" -> report(version, DeployReport.Outcome.ROLLED_BACK);
                  default -> throw new IllegalStateException("no image " + version);
                },
            tally,
            Clock.systemUTC());
    try (queue) {
      Trigger first = new Trigger.ImagePushed("hello", "1.0", D1, "registry", NOW);
      queue.submit(first);
      await().until(() -> queue.running("hello").isPresent());
      queue.submit(new Trigger.ImagePushed("hello", "1.1", D2, "poll", NOW));
      queue.submit(
          new Trigger.GitPushed(
              "hello", "1.2", "refs/tags/1.2", "a".repeat(40), Trigger.GitPushed.Kind.DEPLOY, NOW));
      assertThat(tally.counts())
          .as("the running and the waiting trigger are not counted yet")
          .containsExactly(Map.entry(key("poll", "superseded"), 1L));

      firstMayEnd.countDown();
      await().until(() -> queue.running("hello").isEmpty());
      queue.submit(new Trigger.ImagePushed("hello", "1.0", D1, "registry", NOW));
      queue.submit(new Trigger.ImagePushed("hello", "1.3", D2, "poll", NOW));
      await().until(() -> tally.counts().containsKey(key("poll", "failed")));
    }

    assertThat(tally.counts())
        .containsExactly(
            Map.entry(key("github", "rolled_back"), 1L),
            Map.entry(key("poll", "failed"), 1L),
            Map.entry(key("poll", "superseded"), 1L),
            Map.entry(key("registry", "deployed"), 1L),
            Map.entry(key("registry", "skipped"), 1L));
  }

  @Test
  void countsWebhookRefusalsIgnoredPushesAndFailedPollsBySource() {
    tally.emit(new TriggerEvent.Refused(NOW, "github", 401, "forged", Optional.empty()));
    tally.emit(new TriggerEvent.Refused(NOW, "github", 409, "replay", Optional.empty()));
    tally.emit(new TriggerEvent.Ignored(NOW, "registry", "no app follows x", Optional.empty()));
    tally.emit(
        new TriggerEvent.WatchFailed(
            NOW, "hello", "127.0.0.1:5000/hello:latest", "429", Duration.ofSeconds(30)));
    tally.emit(
        new TriggerEvent.Received(
            NOW, new Trigger.ImagePushed("hello", "1.0", D1, "registry", NOW), "d-1"));

    assertThat(tally.counts())
        .containsExactly(
            Map.entry(key("github", "refused"), 2L),
            Map.entry(key("poll", "error"), 1L),
            Map.entry(key("registry", "ignored"), 1L));
  }

  @Test
  void countsRequestsThroughTheApiUnderSourceApi() throws Exception {
    CountDownLatch firstMayEnd = new CountDownLatch(1);
    RolloutQueue queue =
        new RolloutQueue(
            new dev.dray.trigger.RolloutPort() {
              @Override
              public DeployReport deploy(String app, String version) throws InterruptedException {
                firstMayEnd.await(10, TimeUnit.SECONDS);
                return report(version, DeployReport.Outcome.SUCCEEDED);
              }

              @Override
              public DeployReport rollback(String app, Optional<String> version) {
                return report("1.0", DeployReport.Outcome.FAILED);
              }
            },
            tally,
            Clock.systemUTC());
    try (queue) {
      queue.enqueue(new Trigger.ImagePushed("hello", "1.1", D1, "registry", NOW));
      await().until(() -> queue.running("hello").isPresent());
      queue.enqueue(new Trigger.ManualDeploy("hello", "1.2", "api", NOW));
      queue.enqueue(new Trigger.ManualRollback("hello", Optional.empty(), "api", NOW));
      firstMayEnd.countDown();
      await().until(() -> tally.counts().containsKey(key("api", "failed")));
    }

    assertThat(tally.counts())
        .containsExactly(
            Map.entry(key("api", "failed"), 1L),
            Map.entry(key("api", "superseded"), 1L),
            Map.entry(key("registry", "deployed"), 1L));
  }
}
