package dev.dray.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dray.deploy.DeployEvent;
import dev.dray.deploy.DeployReport;
import dev.dray.events.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventHubTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final Duration NO_WAIT = Duration.ZERO;

  private final EventHub hub = new EventHub();

  @Test
  void sendsEachMessageToEveryClient() throws Exception {
    EventSubscription a = hub.subscribe();
    EventSubscription b = hub.subscribe();

    hub.publish(new SseMessage("deploy", "{\"n\":1}"));

    assertThat(a.next(NO_WAIT)).contains(new SseMessage("deploy", "{\"n\":1}"));
    assertThat(b.next(NO_WAIT)).contains(new SseMessage("deploy", "{\"n\":1}"));
    assertThat(a.next(NO_WAIT)).isEmpty();
  }

  @Test
  void aSlowClientLosesItsOldestMessagesAndNeverBlocksThePublisher() throws Exception {
    EventSubscription slow = hub.subscribe();

    for (int i = 0; i < EventHub.BUFFER + 5; i++) {
      hub.publish(new SseMessage("deploy", "{\"n\":" + i + "}"));
    }

    assertThat(slow.next(NO_WAIT)).contains(new SseMessage("deploy", "{\"n\":5}"));
  }

  @Test
  void aClosedSubscriptionLeavesTheHubAndGetsNothingMore() throws Exception {
    EventSubscription gone = hub.subscribe();
    EventSubscription stays = hub.subscribe();

    gone.close();
    hub.publish(new SseMessage("deploy", "{}"));

    assertThat(hub.subscribers()).isEqualTo(1);
    assertThat(gone.next(NO_WAIT)).isEmpty();
    assertThat(gone.closed()).isTrue();
    assertThat(stays.next(NO_WAIT)).isPresent();
  }

  @Test
  void closingTheHubWakesAWaitingClient() throws Exception {
    EventSubscription waiting = hub.subscribe();
    Thread closer =
        Thread.ofVirtual()
            .start(
                () -> {
                  sleep(100);
                  hub.close();
                });

    long began = System.nanoTime();
    Optional<SseMessage> next = waiting.next(Duration.ofSeconds(10));

    assertThat(next).isEmpty();
    assertThat(waiting.closed()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
    closer.join();
    assertThat(hub.subscribe().closed()).isTrue();
  }

  @Test
  void stampsEveryDeployEventWithTheAppAndTheRolloutUnderWay() throws Exception {
    EventSubscription client = hub.subscribe();
    var sink = hub.forApp("hello");

    sink.emit(
        new DeployEvent.DeployStarted(T0, "d-1", "hello", "deploy", "1.4.2", List.of("a", "b")));
    sink.emit(
        new DeployEvent.StepFinished(T0, "d-1", 3, "start web", Duration.ofMillis(1500), "ok"));
    sink.emit(new DeployEvent.StepFailed(T0, "d-1", 4, "health web", "unhealthy"));
    sink.emit(new DeployEvent.HealthProbe(T0, "web", "hello-web-1", 2, 30, "503"));
    sink.emit(new DeployEvent.Undone(T0, "removed hello-web-1"));
    sink.emit(new DeployEvent.Warning(T0, "slow"));
    sink.emit(new DeployEvent.DeployFinished(T0, report("d-1")));

    List<JsonNode> events = drain(client);
    assertThat(events).hasSize(7);
    assertThat(events).allSatisfy(e -> assertThat(e.get("app").asText()).isEqualTo("hello"));
    assertThat(events).allSatisfy(e -> assertThat(e.get("deployId").asText()).isEqualTo("d-1"));
    assertThat(events.stream().map(e -> e.get("type").asText()))
        .containsExactly(
            "DeployStarted",
            "StepFinished",
            "StepFailed",
            "HealthProbe",
            "Undone",
            "Warning",
            "DeployFinished");
    assertThat(events.get(0).get("detail").asText()).isEqualTo("deploy 1.4.2: 2 steps");
    JsonNode finished = events.get(1);
    assertThat(finished.get("step").asText()).isEqualTo("start web");
    assertThat(finished.get("seq").asInt()).isEqualTo(3);
    assertThat(finished.get("detail").asText()).isEqualTo("ok");
    assertThat(finished.get("tookMs").asLong()).isEqualTo(1500);
    assertThat(finished.get("at").asText()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(events.get(2).get("detail").asText()).isEqualTo("unhealthy");
    assertThat(events.get(3).get("detail").asText()).isEqualTo("hello-web-1 probe 2/30: 503");
    assertThat(events.get(3).get("step").isNull()).isTrue();
    assertThat(events.get(6).get("outcome").asText()).isEqualTo("ROLLED_BACK");
    assertThat(events.get(6).get("detail").asText())
        .isEqualTo("deploy 1.4.2 rolled_back at health web: unhealthy");
  }

  @Test
  void streamsOnlyDeployEventsOfARollout() throws Exception {
    EventSubscription client = hub.subscribe();

    hub.forApp("hello").emit(() -> T0);

    assertThat(client.next(NO_WAIT)).isEmpty();
  }

  @Test
  void givesTheSameSinkForTheSameApp() {
    assertThat(hub.forApp("hello")).isSameAs(hub.forApp("hello")).isNotSameAs(hub.forApp("b"));
  }

  @Test
  void sendsTriggerEventsWithTheirTypeAndFields() throws Exception {
    EventSubscription client = hub.subscribe();

    hub.triggers().emit(new Superseded(T0, "hello", "1.5.0", "poll"));

    SseMessage m = client.next(NO_WAIT).orElseThrow();
    assertThat(m.event()).isEqualTo("trigger");
    assertThat(m.json())
        .isEqualTo(
            "{\"type\":\"Superseded\",\"at\":\"2026-11-22T10:00:00Z\",\"app\":\"hello\","
                + "\"version\":\"1.5.0\",\"source\":\"poll\"}");
  }

  @Test
  void aTriggerEventJacksonCannotReadStillSendsItsTypeAndTime() throws Exception {
    EventSubscription client = hub.subscribe();
    Event opaque = new Opaque();

    hub.triggers().emit(opaque);

    assertThat(client.next(NO_WAIT).orElseThrow().json())
        .isEqualTo("{\"type\":\"Opaque\",\"at\":\"2026-11-22T10:00:00Z\"}");
  }

  record Superseded(Instant at, String app, String version, String source) implements Event {}

  static final class Opaque implements Event {
    @Override
    public Instant at() {
      return T0;
    }
  }

  private static DeployReport report(String id) {
    return new DeployReport(
        id,
        "hello",
        "deploy",
        "1.4.2",
        DeployReport.Outcome.ROLLED_BACK,
        T0,
        Duration.ofSeconds(30),
        List.of(),
        Optional.of("health web"),
        Optional.of("unhealthy\nlast probe: 503"),
        Optional.empty(),
        List.of());
  }

  private static List<JsonNode> drain(EventSubscription client) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (Optional<SseMessage> m = client.next(NO_WAIT); m.isPresent(); m = client.next(NO_WAIT)) {
      assertThat(m.get().event()).isEqualTo("deploy");
      out.add(ServerJson.mapper().readTree(m.get().json()));
    }
    return out;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
