package dev.dray.server;

import static dev.dray.server.Records.T0;
import static dev.dray.server.Records.digest;
import static dev.dray.server.ServerIt.get;
import static dev.dray.server.ServerIt.json;
import static dev.dray.server.ServerIt.keep;
import static dev.dray.server.ServerIt.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dray.Secret;
import dev.dray.build.BuildReport.Outcome;
import dev.dray.deploy.DeployEvent;
import dev.dray.store.DeployStepRecord;
import dev.dray.store.Store;
import dev.dray.trigger.Trigger;
import dev.dray.trigger.TriggerEvent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The server against a real store in a temporary directory, over real HTTP on an ephemeral port.
 */
class DrayServerIT {
  @TempDir Path home;

  private Store store;
  private final EventHub hub = new EventHub();
  private final TriggerTally triggers = new TriggerTally();
  private final List<Secret> shown = new CopyOnWriteArrayList<>();
  private final RecordingRollouts rollouts = new RecordingRollouts();
  private final List<DrayServer> servers = new ArrayList<>();
  private DrayServer server;
  private URI url;
  private String token;

  @BeforeEach
  void start() {
    store = Store.open(home.resolve("dray.db"));
    server = started(DrayServer.builder(store).rollouts(rollouts));
    url = server.url();
    assertThat(shown).hasSize(1);
    token = shown.get(0).reveal();
  }

  @AfterEach
  void stop() {
    servers.forEach(DrayServer::stop);
    store.close();
  }

  private DrayServer started(DrayServer.Builder builder) {
    DrayServer s =
        builder
            .port(0)
            .events(hub)
            .triggers(triggers)
            .keepAlive(Duration.ofMillis(300))
            .onNewToken(shown::add)
            .build()
            .start();
    servers.add(s);
    return s;
  }

  // --- auth

  @Test
  void refusesTheApiWithoutATokenAndWithAWrongOne() {
    HttpResponse<String> none = get(url, "/api/apps", null);
    HttpResponse<String> wrong = get(url, "/api/apps", "not-the-token");
    HttpResponse<String> right = get(url, "/api/apps", token);

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(json(none).get("error").asText()).isEqualTo("missing API token");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(json(wrong).get("error").asText()).isEqualTo("wrong API token");
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(right.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
  }

  @Test
  void refusesATokenInTheQueryOutsideTheEventStream() {
    assertThat(get(url, "/api/apps?token=" + token, null).statusCode()).isEqualTo(401);
  }

  @Test
  void showsTheTokenOnlyOnTheFirstStartAndKeepsOnlyItsHash() {
    DrayServer again = started(DrayServer.builder(store));

    assertThat(shown).hasSize(1);
    assertThat(get(again.url(), "/api/apps", token).statusCode()).isEqualTo(200);
    String kept = store.tokens().find("default").orElseThrow().sha256();
    assertThat(kept).isEqualTo(TokenAuthority.sha256Hex(token)).isNotEqualTo(token);
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void aRotatedTokenReplacesTheOldOneInTheRunningServer() {
    Secret rotated;
    try (Store other = Store.open(home.resolve("dray.db"))) { // as 'dray server token' would
      rotated = TokenAuthority.of(other.tokens()).rotate();
    }

    assertThat(get(url, "/api/apps", token).statusCode()).isEqualTo(401);
    assertThat(get(url, "/api/apps", rotated.reveal()).statusCode()).isEqualTo(200);
  }

  @Test
  void logsRefusedRequestsWithoutTheirSecrets() {
    Logger logger = (Logger) LoggerFactory.getLogger(RefusalLog.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      get(url, "/api/apps", "wrong-secret-token-xyz");
      get(url, "/api/events?token=wrong-query-token-xyz", null);
      get(url, "/api/apps/nope/releases", token);
      get(url, "/api/deploys/nope", token);
      get(url, "/api/apps", token);

      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(appender.list).hasSize(4));
    } finally {
      logger.detachAppender(appender);
    }
    List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(appender.list).allMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN);
    assertThat(lines)
        .containsExactly(
            "refused GET /api/apps: 401 wrong API token (from 127.0.0.1)",
            "refused GET /api/events: 401 wrong API token (from 127.0.0.1)",
            "refused GET /api/apps/nope/releases: 404 app nope is not served here (from"
                + " 127.0.0.1)",
            "refused GET /api/deploys/nope: 404 no deploy has an id starting with nope (from"
                + " 127.0.0.1)");
    assertThat(String.join("\n", lines)).doesNotContain("xyz", token);
  }

  // --- history

  @Test
  void listsAnAppsReleasesNewestFirstWithTheirFields() throws Exception {
    URI url = servedHello().url();
    keep(
        store,
        Records.deploy(
            "d-1",
            "hello",
            "deploy",
            "1.0.0",
            digest('a'),
            T0,
            Duration.ofSeconds(40),
            "SUCCEEDED"));
    keep(
        store,
        Records.deploy(
            "d-2",
            "hello",
            "deploy",
            "1.1.0",
            digest('b'),
            T0.plusSeconds(3600),
            Duration.ofSeconds(50),
            "ROLLED_BACK"));
    keepAReleaseOfAnotherApp();

    HttpResponse<String> response = get(url, "/api/apps/hello/releases?limit=5", token);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode list = json(response);
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("id").asText()).isEqualTo("d-2");
    JsonNode newest = list.get(0);
    assertThat(newest.get("app").asText()).isEqualTo("hello");
    assertThat(newest.get("kind").asText()).isEqualTo("deploy");
    assertThat(newest.get("version").asText()).isEqualTo("1.1.0");
    assertThat(newest.get("outcome").asText()).isEqualTo("ROLLED_BACK");
    assertThat(newest.get("startedAt").asText()).isEqualTo("2026-11-20T11:00:00Z");
    assertThat(newest.get("finishedAt").asText()).isEqualTo("2026-11-20T11:00:50Z");
    assertThat(newest.get("failedStep").asText()).isEqualTo("health web");
    assertThat(newest.get("images").get("web").asText())
        .isEqualTo("127.0.0.1:5000/it-server-core/hello@" + digest('b'));
    assertThat(list.get(1).get("failedStep").isNull()).isTrue();
    assertThat(json(get(url, "/api/apps/hello/releases?limit=1", token))).hasSize(1);
  }

  @Test
  void showsOneDeployWithItsStepsAndFindsItByPrefix() {
    keep(
        store,
        Records.deploy(
            "d-0123456789",
            "hello",
            "deploy",
            "1.0.0",
            digest('a'),
            T0,
            Duration.ofSeconds(40),
            "SUCCEEDED"));
    store.deploys().step(new DeployStepRecord("d-0123456789", 0, "pull web", "STARTED", T0, ""));
    store
        .deploys()
        .step(
            new DeployStepRecord(
                "d-0123456789", 1, "pull web", "DONE", T0.plusSeconds(2), "pulled"));

    JsonNode body = json(get(url, "/api/deploys/d-01234", token));

    assertThat(body.get("record").get("id").asText()).isEqualTo("d-0123456789");
    assertThat(body.get("steps")).hasSize(2);
    assertThat(body.get("steps").get(1).get("state").asText()).isEqualTo("DONE");
    assertThat(body.get("steps").get(1).get("detail").asText()).isEqualTo("pulled");
    assertThat(body.get("steps").get(1).get("at").asText()).isEqualTo("2026-11-20T10:00:02Z");
    assertThat(get(url, "/api/deploys/zzz", token).statusCode()).isEqualTo(404);
  }

  @Test
  void refusesAnAmbiguousDeployPrefix() {
    keep(
        store,
        Records.deploy(
            "d-a1", "hello", "deploy", "1", digest('a'), T0, Duration.ofSeconds(1), "SUCCEEDED"));
    keep(
        store,
        Records.deploy(
            "d-a2",
            "hello",
            "deploy",
            "2",
            digest('a'),
            T0.plusSeconds(5),
            Duration.ofSeconds(1),
            "SUCCEEDED"));

    HttpResponse<String> response = get(url, "/api/deploys/d-a", token);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).contains("d-a1", "d-a2");
  }

  @Test
  void listsAnAppsBuildsWithDurationsAndStages() {
    store
        .builds()
        .record(
            Records.build(
                "b-1",
                "hello",
                T0,
                Duration.ofMillis(12_500),
                Outcome.SUCCEEDED,
                3,
                digest('a'),
                1234));
    store
        .builds()
        .record(
            Records.build(
                "b-2",
                "hello",
                T0.plusSeconds(60),
                Duration.ofSeconds(3),
                Outcome.FAILED,
                0,
                digest('b'),
                0));
    store
        .builds()
        .record(
            Records.build(
                "b-x", "other", T0, Duration.ofSeconds(3), Outcome.SUCCEEDED, 0, digest('c'), 9));

    JsonNode list = json(get(url, "/api/apps/hello/builds", token));

    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("id").asText()).isEqualTo("b-2");
    assertThat(list.get(0).get("outcome").asText()).isEqualTo("FAILED");
    JsonNode first = list.get(1);
    assertThat(first.get("duration").asText()).isEqualTo("PT12.5S");
    assertThat(first.get("digest").asText()).isEqualTo(digest('a'));
    assertThat(first.get("sizeBytes").asLong()).isEqualTo(1234);
    assertThat(first.get("stages").get(0).get("steps")).hasSize(4);
    assertThat(first.get("stages").get(0).get("steps").get(2).get("cached").asBoolean()).isTrue();
  }

  @Test
  void refusesTheReleasesOfAnAppItDoesNotServe() throws Exception {
    URI url = servedHello().url();
    keepAReleaseOfAnotherApp();

    HttpResponse<String> response = get(url, "/api/apps/other/releases", token);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("error").asText())
        .isEqualTo("app other is not served here; served: [hello]");
  }

  private void keepAReleaseOfAnotherApp() {
    keep(
        store,
        Records.deploy(
            "d-other",
            "other",
            "deploy",
            "9.0.0",
            digest('c'),
            T0,
            Duration.ofSeconds(1),
            "SUCCEEDED"));
  }

  @Test
  void refusesALimitOutOfRange() throws Exception {
    URI url = servedHello().url();
    assertThat(get(url, "/api/apps/hello/releases?limit=zero", token).statusCode()).isEqualTo(400);
    assertThat(get(url, "/api/apps/hello/builds?limit=0", token).statusCode()).isEqualTo(400);
    assertThat(get(url, "/api/apps/hello/builds?limit=1001", token).statusCode()).isEqualTo(400);
  }

  // --- events

  @Test
  void streamsDeployEventsOfRolloutsToAClientWithTheTokenInTheQuery() throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpRequest request =
        HttpRequest.newBuilder(url.resolve("/api/events?token=" + token))
            .header("Accept", "text/event-stream")
            .build();
    var stream = ServerIt.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    Thread reader = Thread.ofVirtual().start(() -> readLines(response, lines::add));
    try {
      await().atMost(Duration.ofSeconds(5)).until(() -> hub.subscribers() == 1);
      var sink = hub.forApp("hello");
      sink.emit(
          new DeployEvent.DeployStarted(
              T0, "d-42", "hello", "deploy", "1.4.2", List.of("pull web", "start web")));
      sink.emit(new DeployEvent.StepStarted(T0.plusSeconds(1), "d-42", 0, "pull web"));
      sink.emit(
          new DeployEvent.Switched(T0.plusSeconds(2), "web", "hello-web-old", "hello-web-new"));

      List<JsonNode> events = new ArrayList<>();
      while (events.size() < 3) {
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("an event line within 10s; got " + events).isNotNull();
        if (line.startsWith("event: ")) {
          assertThat(line).isEqualTo("event: deploy");
          String data = lines.poll(5, TimeUnit.SECONDS);
          assertThat(data).startsWith("data: ");
          events.add(ServerJson.mapper().readTree(data.substring("data: ".length())));
        }
      }
      assertThat(events.get(0).get("type").asText()).isEqualTo("DeployStarted");
      assertThat(events.get(1).get("type").asText()).isEqualTo("StepStarted");
      assertThat(events.get(1).get("step").asText()).isEqualTo("pull web");
      assertThat(events.get(1).get("seq").asInt()).isEqualTo(0);
      assertThat(events.get(1).get("at").asText()).isEqualTo("2026-11-20T10:00:01Z");
      JsonNode switched = events.get(2);
      assertThat(switched.get("type").asText()).isEqualTo("Switched");
      assertThat(switched.get("deployId").asText()).isEqualTo("d-42");
      assertThat(switched.get("app").asText()).isEqualTo("hello");
      assertThat(switched.get("detail").asText()).isEqualTo("web: hello-web-old → hello-web-new");
    } finally {
      reader.interrupt();
      response.body().close();
    }
  }

  @Test
  void streamsQueueEventsWithTheSourceAndVersionOfTheirTriggersAndTheirDeployIds()
      throws Exception {
    Trigger waiting = new Trigger.ManualRollback("hello", Optional.empty(), "api", T0);
    Trigger newer = new Trigger.ManualDeploy("hello", "1.5.0", "api", T0);

    JsonNode data =
        firstTriggerEvent(
            () ->
                hub.triggers().emit(new TriggerEvent.Superseded(T0, waiting, "d-1", newer, "d-2")));

    assertThat(data.get("type").asText()).isEqualTo("Superseded");
    assertThat(data.get("deployId").asText()).isEqualTo("d-1");
    assertThat(data.get("byDeployId").asText()).isEqualTo("d-2");
    assertThat(data.get("trigger").get("source").asText()).isEqualTo("api");
    assertThat(data.get("trigger").get("version").asText()).isEqualTo("previous");
    assertThat(data.get("by").get("source").asText()).isEqualTo("api");
    assertThat(data.get("by").get("version").asText()).isEqualTo("1.5.0");
  }

  @Test
  void streamsTriggerEventsAsTriggerEvents() throws Exception {
    JsonNode data =
        firstTriggerEvent(
            () -> hub.triggers().emit(new SampleTrigger(T0, "hello", "1.5.0", "registry")));

    assertThat(data.get("type").asText()).isEqualTo("SampleTrigger");
    assertThat(data.get("app").asText()).isEqualTo("hello");
    assertThat(data.get("version").asText()).isEqualTo("1.5.0");
    assertThat(data.get("source").asText()).isEqualTo("registry");
  }

  /** The data of the first {@code trigger} event a client receives once {@code emit} ran. */
  private JsonNode firstTriggerEvent(Runnable emit) throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpRequest request =
        HttpRequest.newBuilder(url.resolve("/api/events?token=" + token))
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<Stream<String>> response =
        ServerIt.HTTP
            .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
            .get(10, TimeUnit.SECONDS);
    Thread reader = Thread.ofVirtual().start(() -> readLines(response, lines::add));
    try {
      await().atMost(Duration.ofSeconds(5)).until(() -> hub.subscribers() == 1);
      emit.run();

      String line;
      do {
        line = lines.poll(10, TimeUnit.SECONDS);
        assertThat(line).isNotNull();
      } while (!line.startsWith("event: "));
      assertThat(line).isEqualTo("event: trigger");
      return ServerJson.mapper().readTree(lines.poll(5, TimeUnit.SECONDS).substring(6));
    } finally {
      reader.interrupt();
      response.body().close();
    }
  }

  /** An event shaped like the trigger package's. */
  record SampleTrigger(java.time.Instant at, String app, String version, String source)
      implements dev.dray.events.Event {}

  @Test
  void refusesTheEventStreamWithoutAToken() {
    HttpRequest request =
        HttpRequest.newBuilder(url.resolve("/api/events"))
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(5))
            .build();

    assertThat(ServerIt.send(request).statusCode()).isEqualTo(401);
  }

  @Test
  void endsOpenEventStreamsWhenStopped() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(url.resolve("/api/events?token=" + token))
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<Stream<String>> response =
        ServerIt.HTTP
            .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
            .get(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> hub.subscribers() == 1);
    var ended = Thread.ofVirtual().start(() -> readLines(response, l -> {}));

    long began = System.nanoTime();
    server.stop();

    assertThat(ended.join(Duration.ofSeconds(10))).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
    assertThat(hub.subscribers()).isZero();
  }

  // --- rollouts

  @Test
  void queuesADeployOfAServedAppAndAnswers202() throws Exception {
    // a served app needs an engine; these requests never reach it
    DrayServer withApp = servedHello();

    HttpResponse<String> response =
        post(withApp.url(), "/api/apps/hello/deploy", token, "{\"version\":\"1.4.2\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = json(response);
    assertThat(body.get("queued").asBoolean()).isTrue();
    assertThat(body.get("deployId").asText()).isEqualTo("d-1");
    assertThat(body.get("version").asText()).isEqualTo("1.4.2");
    assertThat(rollouts.calls).containsExactly("deploy hello 1.4.2");
  }

  @Test
  void queuesARollbackWithOrWithoutAVersion() throws Exception {
    DrayServer withApp = servedHello();

    assertThat(post(withApp.url(), "/api/apps/hello/rollback", token, "").statusCode())
        .isEqualTo(202);
    assertThat(
            post(withApp.url(), "/api/apps/hello/rollback", token, "{\"version\":\"1.3.0\"}")
                .statusCode())
        .isEqualTo(202);

    assertThat(rollouts.calls).containsExactly("rollback hello -", "rollback hello 1.3.0");
  }

  @Test
  void saysWhatBecameOfAQueuedRolloutThatHasNoRecord() throws Exception {
    HttpResponse<String> superseded = get(url, "/api/deploys/d-waiting", token);

    assertThat(superseded.statusCode()).isEqualTo(404);
    assertThat(json(superseded).get("error").asText())
        .isEqualTo(
            "deploy d-waiting has no record: it never ran: superseded by api 1.5.0 (d-9) while it"
                + " waited");
  }

  @Test
  void refusesRolloutsOfAnUnknownAppOrWithoutAVersion() throws Exception {
    DrayServer withApp = servedHello();

    HttpResponse<String> unknown =
        post(withApp.url(), "/api/apps/nope/deploy", token, "{\"version\":\"1\"}");
    HttpResponse<String> noVersion = post(withApp.url(), "/api/apps/hello/deploy", token, "{}");
    HttpResponse<String> notJson = post(withApp.url(), "/api/apps/hello/deploy", token, "{version");
    HttpResponse<String> noToken =
        post(withApp.url(), "/api/apps/hello/deploy", null, "{\"version\":\"1\"}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("error").asText())
        .isEqualTo("app nope is not served here; served: [hello]");
    assertThat(noVersion.statusCode()).isEqualTo(400);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(rollouts.calls).isEmpty();
  }

  /** Serves hello with a clock stopped a day after {@link Records#T0}. */
  private DrayServer servedHelloTheDayAfterT0() {
    return started(
        DrayServer.builder(store)
            .apps(List.of(TestApps.served(home, "hello")))
            .engine(TestApps.unusedEngine())
            .clock(Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC)));
  }

  private DrayServer servedHello() throws Exception {
    return started(
        DrayServer.builder(store)
            .rollouts(rollouts)
            .apps(List.of(TestApps.served(home, "hello")))
            .engine(TestApps.unusedEngine()));
  }

  // --- metrics

  @Test
  void exposesMetricsWithoutATokenComputedFromTheStore() throws Exception {
    store
        .builds()
        .record(
            Records.build(
                "b-1",
                "hello",
                T0,
                Duration.ofSeconds(10),
                Outcome.SUCCEEDED,
                3,
                digest('a'),
                1_000_000));
    store
        .builds()
        .record(
            Records.build(
                "b-2",
                "hello",
                T0.plusSeconds(60),
                Duration.ofSeconds(20),
                Outcome.SUCCEEDED,
                2,
                digest('b'),
                2_000_000));
    store
        .builds()
        .record(
            Records.build(
                "b-3",
                "hello",
                T0.plusSeconds(120),
                Duration.ofSeconds(30),
                Outcome.FAILED,
                0,
                digest('c'),
                0));
    keep(
        store,
        Records.deploy(
            "d-1",
            "hello",
            "deploy",
            "1.0.0",
            digest('a'),
            T0.plusSeconds(600),
            Duration.ofSeconds(40),
            "SUCCEEDED"));
    keep(
        store,
        Records.deploy(
            "d-2",
            "hello",
            "deploy",
            "1.1.0",
            digest('b'),
            T0.plusSeconds(1200),
            Duration.ofSeconds(60),
            "FAILED"));
    keep(
        store,
        Records.deploy(
            "d-3",
            "hello",
            "rollback",
            "1.0.0",
            digest('a'),
            T0.plusSeconds(1500),
            Duration.ofSeconds(20),
            "SUCCEEDED"));
    triggers.count("registry", "queued");
    triggers.count("registry", "queued");
    triggers.count("github", "superseded");
    DrayServer withApp = servedHelloTheDayAfterT0();

    HttpResponse<String> response = get(withApp.url(), "/metrics", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    List<String> lines = response.body().lines().filter(l -> !l.startsWith("#")).toList();
    assertThat(lines)
        .contains(
            "dray_builds_total{outcome=\"SUCCEEDED\",service=\"hello\"} 2.0",
            "dray_builds_total{outcome=\"FAILED\",service=\"hello\"} 1.0",
            // the builds that succeeded: b-1 and b-2
            "dray_build_duration_seconds_count{service=\"hello\"} 2",
            "dray_build_duration_seconds_sum{service=\"hello\"} 30.0",
            // 3 + 2 of their 8 steps from cache
            "dray_build_cache_hit_ratio{service=\"hello\"} 0.625",
            "dray_image_size_bytes{service=\"hello\"} 2000000.0",
            "dray_deploys_total{app=\"hello\",kind=\"deploy\",outcome=\"SUCCEEDED\"} 1.0",
            "dray_deploys_total{app=\"hello\",kind=\"deploy\",outcome=\"FAILED\"} 1.0",
            "dray_deploys_total{app=\"hello\",kind=\"rollback\",outcome=\"SUCCEEDED\"} 1.0",
            "dray_deploy_duration_seconds{app=\"hello\"} 40.0",
            "dray_rollbacks_total{app=\"hello\"} 1.0",
            // d-2 failed, and d-1 was rolled back by d-3 before the next successful deploy
            "dray_change_failure_rate{app=\"hello\"} 1.0",
            // from d-1's end (10:10:40) to the end of the rollback d-3 (10:25:20)
            "dray_time_to_restore_seconds{app=\"hello\"} 880.0",
            // b-1 started 10:00:00, d-1 of its digest ended 10:10:40
            "dray_lead_time_seconds{app=\"hello\"} 640.0",
            "dray_last_deploy_timestamp_seconds{app=\"hello\"} "
                + (double) T0.plusSeconds(1520).getEpochSecond(),
            "dray_triggers_total{result=\"queued\",source=\"registry\"} 2.0",
            "dray_triggers_total{result=\"superseded\",source=\"github\"} 1.0");
    assertThat(response.body()).contains("# TYPE dray_build_duration_seconds summary");
  }

  @Test
  void countsNewRecordsOnTheNextScrape() {
    store
        .builds()
        .record(
            Records.build(
                "b-1", "hello", T0, Duration.ofSeconds(10), Outcome.SUCCEEDED, 3, digest('a'), 1));
    assertThat(get(url, "/metrics", null).body())
        .contains("dray_build_duration_seconds_count{service=\"hello\"} 1\n");

    store
        .builds()
        .record(
            Records.build(
                "b-2",
                "hello",
                T0.plusSeconds(9),
                Duration.ofSeconds(10),
                Outcome.SUCCEEDED,
                3,
                digest('b'),
                1));

    assertThat(get(url, "/metrics", null).body())
        .contains("dray_build_duration_seconds_count{service=\"hello\"} 2\n");
  }

  @Test
  void summarisesFiguresPerDayForTheDashboard() throws Exception {
    store
        .builds()
        .record(
            Records.build(
                "b-1",
                "hello",
                T0,
                Duration.ofSeconds(10),
                Outcome.SUCCEEDED,
                4,
                digest('a'),
                100));
    store
        .builds()
        .record(
            Records.build(
                "b-2",
                "hello",
                T0.plusSeconds(60),
                Duration.ofSeconds(20),
                Outcome.FAILED,
                0,
                digest('b'),
                0));
    keep(
        store,
        Records.deploy(
            "d-1",
            "hello",
            "deploy",
            "1.0.0",
            digest('a'),
            T0.plusSeconds(600),
            Duration.ofSeconds(40),
            "SUCCEEDED"));
    DrayServer withApp = servedHelloTheDayAfterT0();

    JsonNode body = json(get(withApp.url(), "/api/metrics/summary?app=hello&days=3", token));

    assertThat(body.get("app").asText()).isEqualTo("hello");
    assertThat(body.get("days").asInt()).isEqualTo(3);
    assertThat(body.get("series"))
        .extracting(s -> s.get("name").asText())
        .containsExactlyElementsOf(FigureSummary.NAMES);
    assertThat(body.get("series").get(0).get("points").get(0).toString())
        .isEqualTo("{\"day\":\"2026-11-19\",\"value\":null}");
    assertThat(values(body, "build_duration")).isEqualTo("[null, 10.0, null]");
    assertThat(values(body, "build_success_rate")).isEqualTo("[null, 0.5, null]");
    assertThat(values(body, "cache_hit_rate")).isEqualTo("[null, 1.0, null]");
    assertThat(values(body, "image_size")).isEqualTo("[null, 100.0, null]");
    assertThat(values(body, "deploy_frequency")).isEqualTo("[0.0, 1.0, 0.0]");
    assertThat(values(body, "deploy_success_rate")).isEqualTo("[null, 1.0, null]");
    assertThat(values(body, "time_to_deploy")).isEqualTo("[null, 40.0, null]");
    assertThat(values(body, "lead_time")).isEqualTo("[null, 640.0, null]");
    assertThat(values(body, "change_failure_rate")).isEqualTo("[null, 0.0, null]");
    assertThat(values(body, "rollback_frequency")).isEqualTo("[0.0, 0.0, 0.0]");
    assertThat(values(body, "time_to_restore")).isEqualTo("[null, null, null]");
    assertThat(get(withApp.url(), "/api/metrics/summary", token).statusCode()).isEqualTo(400);
  }

  /** The values of the summary's series {@code name}, as text: {@code [null, 1.0]}. */
  private static String values(JsonNode summary, String name) {
    for (JsonNode series : summary.get("series")) {
      if (series.get("name").asText().equals(name)) {
        List<String> values = new ArrayList<>();
        series
            .get("points")
            .forEach(p -> values.add(p.get("value").isNull() ? "null" : p.get("value").asText()));
        return values.toString();
      }
    }
    throw new AssertionError("no series " + name + " in " + summary);
  }

  // --- webhooks and dashboard

  @Test
  void answers501OnWebhooksThatAreNotWired() {
    assertThat(post(url, "/hooks/github/hello", null, "{}").statusCode()).isEqualTo(501);
    assertThat(post(url, "/hooks/registry?secret=s", null, "{}").statusCode()).isEqualTo(501);
  }

  @Test
  void handsWebhookDeliveriesToTheirHandlersWithoutTheApiToken() {
    List<String> seen = new CopyOnWriteArrayList<>();
    DrayServer hooked =
        started(
            DrayServer.builder(store)
                .github(
                    (app, headers, body) -> {
                      seen.add(
                          app
                              + " "
                              + headers.get("x-hub-signature-256")
                              + " "
                              + new String(body, StandardCharsets.UTF_8));
                      return new HookReply(202, "{\"queued\":true}");
                    })
                .registry(
                    (headers, body, query) -> {
                      seen.add(
                          "registry " + query.get("secret") + " " + headers.get("AUTHORIZATION"));
                      return new HookReply(401, "{\"error\":\"wrong secret\"}");
                    }));

    HttpResponse<String> github =
        ServerIt.send(
            HttpRequest.newBuilder(hooked.url().resolve("/hooks/github/hello"))
                .header("X-Hub-Signature-256", "sha256=abc")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ref\":\"refs/heads/main\"}"))
                .build());
    HttpResponse<String> registry =
        ServerIt.send(
            HttpRequest.newBuilder(hooked.url().resolve("/hooks/registry?secret=s3"))
                .header("Authorization", "Bearer hook-secret")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(github.statusCode()).isEqualTo(202);
    assertThat(github.body()).isEqualTo("{\"queued\":true}");
    assertThat(registry.statusCode()).isEqualTo(401);
    assertThat(seen)
        .containsExactly(
            "hello sha256=abc {\"ref\":\"refs/heads/main\"}", "registry s3 Bearer hook-secret");
  }

  @Test
  void servesTheDashboardPageWithoutAToken() {
    HttpResponse<String> page = get(url, "/", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).containsIgnoringCase("dray");
  }

  @Test
  void listensOn127001ByDefault() {
    assertThat(url.getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void failsWithAHintWhenThePortIsTaken() {
    DrayServer.Builder second = DrayServer.builder(store).port(server.port());

    assertThatThrownBy(() -> second.build().start())
        .isInstanceOfSatisfying(
            ServerStartException.class,
            e -> {
              assertThat(e.port()).isEqualTo(server.port());
              assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("--port"));
            });
  }

  /** Reads the stream's lines until it ends or the reader is interrupted. */
  private static void readLines(
      HttpResponse<Stream<String>> response, java.util.function.Consumer<String> into) {
    try {
      response.body().forEach(into);
    } catch (java.io.UncheckedIOException e) {
      // interrupted or closed: the test is done with the stream
    }
  }

  /** Rollouts that only record what they were asked. */
  static final class RecordingRollouts implements Rollouts {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public String deploy(String app, String version) {
      calls.add("deploy " + app + " " + version);
      return "d-" + calls.size();
    }

    @Override
    public String rollback(String app, Optional<String> version) {
      calls.add("rollback " + app + " " + version.orElse("-"));
      return "d-" + calls.size();
    }

    @Override
    public Optional<String> fate(String deployId) {
      return deployId.equals("d-waiting")
          ? Optional.of("it never ran: superseded by api 1.5.0 (d-9) while it waited")
          : Optional.empty();
    }
  }
}
