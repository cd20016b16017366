package dev.dray.server;

import static dev.dray.server.ServerIt.get;
import static dev.dray.server.ServerIt.json;
import static dev.dray.server.ServerIt.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dray.deploy.ProxyLoad;
import dev.dray.deploy.TestServices;
import dev.dray.engine.DockerEngine;
import dev.dray.image.Digest;
import dev.dray.image.ImageRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dray server} deploying by itself, run as a user runs it against the real dockerd, haproxy
 * and a registry of the test's own: a new image pushed under {@code latest} — seen by polling, or
 * announced by the registry's notification — rolls out with no failed request while clients load
 * the proxy, streams its events to the dashboard's event stream, and counts in {@code /metrics}.
 */
class AutoDeployIT {
  private static final String SECRET = "it-autodeploy-hook-secret";
  private static final String SECRET_ENV = "DRAY_IT_REGISTRY_HOOK_SECRET";
  private static final int CLIENTS = 4;
  private static final Duration ROLLOUT = Duration.ofSeconds(120);

  /**
   * Loose upper bound on push → rollout start, so a trigger path that stopped working fails here;
   * the targets themselves (under 1 s, interval + 1 s) are measured by bench/auto-deploy.sh.
   */
  private static final Duration PROMPT = Duration.ofSeconds(10);

  @TempDir Path dir;

  private DockerEngine engine;
  private RegistryProcess registry;
  private RunningServer server;
  private SseRecorder events;
  private LatestImages images;
  private String app;
  private String repository;
  private int proxyPort;

  /** What one automatic rollout of a pushed image left to check. */
  private record Rollout(JsonNode record, Digest digest, Instant pushed, Duration latency) {}

  @BeforeEach
  void requireDockerdRegistryAndHaproxy() {
    engine = TestServices.engine();
  }

  @AfterEach
  void removeWhatThisTestStarted() throws Exception {
    try {
      if (server != null && server.isRunning()) {
        server.stop();
      }
      if (events != null) {
        events.close();
      }
    } finally {
      try {
        if (app != null) {
          TestServices.removeApp(engine, home(), app);
        }
        if (images != null) {
          images.removeLocal();
        }
      } finally {
        if (registry != null) {
          registry.close();
        }
        engine.close();
      }
    }
  }

  @Test
  void pollingDeploysANewLatestUnderLoadWithHeadRequestsOnlyAndIgnoresTheSameDigest()
      throws Exception {
    registry =
        RegistryProcess.start(Files.createDirectories(dir.resolve("registry")), Optional.empty());
    prepare("poll");
    Digest v1 = images.push("v1");
    start(
        TestServices.freePort(),
        """
        auto_deploy:
          watch: {tag: latest, interval: 1s}
        """);
    HttpResponse<String> accepted =
        post(
            server.url(),
            "/api/apps/" + app + "/deploy",
            server.token(),
            "{\"version\":\"latest\"}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertSucceeded(awaitRollouts(1), v1);
    assertThat(proxyGet("/version")).isEqualTo("v1");

    int idle = registry.requests().size();
    await("three polls while nothing changes")
        .atMost(Duration.ofSeconds(20))
        .until(() -> since(idle).stream().filter(RegistryProcess.Request::fromDray).count() >= 3);
    assertThat(since(idle))
        .as("while nothing changes, the registry only sees dray's manifest HEAD requests")
        .allSatisfy(
            r -> {
              assertThat(r.method()).isEqualTo("HEAD");
              assertThat(r.isManifestOf(repository, "latest")).as(r.path()).isTrue();
              assertThat(r.fromDray()).as(r.userAgent()).isTrue();
            });

    Rollout v2 = pushUnderLoadAndAwaitTheRollout("v2");
    assertTriggered(v2, "poll");
    assertThat(server.transcript())
        .contains("dray server: trigger poll latest (" + prefix(v2))
        .contains("dray server: " + app + ": rollout for poll latest (" + prefix(v2) + ") starts")
        .contains(
            "dray server: "
                + app
                + ": rollout for poll latest ("
                + prefix(v2)
                + ") ended succeeded");

    int releases = releases().size();
    int received = events.triggers("Received", app).size();
    int beforeAgain = registry.requests().size();
    assertThat(images.pushAgain()).isEqualTo(v2.digest());
    int pushedAgain = awaitManifestPut(beforeAgain);
    await("two polls after the same digest was pushed again")
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                since(pushedAgain).stream()
                        .filter(r -> r.fromDray() && r.isManifestOf(repository, "latest"))
                        .count()
                    >= 2);
    assertThat(releases()).as("the same digest again deploys nothing").hasSize(releases);
    assertThat(events.triggers("Received", app)).hasSize(received);

    List<RegistryProcess.Request> all = registry.requests();
    assertThat(all.stream().filter(RegistryProcess.Request::fromDray))
        .as("dray asked the registry with manifest HEAD requests only")
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.method()).isEqualTo("HEAD");
              assertThat(r.isManifestOf(repository, "latest")).as(r.path()).isTrue();
            });
    assertThat(all.stream().filter(r -> !r.method().equals("HEAD")))
        .as("other requests are docker's pushes and pulls")
        .allSatisfy(r -> assertThat(r.userAgent()).contains("docker/"));
    report("polling (interval 1s)", v2);
  }

  @Test
  void aRegistryNotificationDeploysANewLatestUnderLoadAndThePushOfTheSameDigestIsSkipped()
      throws Exception {
    int port = TestServices.freePort();
    registry =
        RegistryProcess.start(
            Files.createDirectories(dir.resolve("registry")),
            Optional.of("http://127.0.0.1:" + port + "/hooks/registry?secret=" + SECRET));
    prepare("hook");
    // the tag is followed through notifications only: no watcher polls the registry
    start(
        port,
        """
        auto_deploy:
          tag: latest
          registry_secret_env: %s
        """
            .formatted(SECRET_ENV));

    Digest v1 = images.push("v1");
    assertSucceeded(awaitRollouts(1), v1);
    assertThat(proxyGet("/version")).isEqualTo("v1");
    assertThat(events.triggers("Received", app))
        .anySatisfy(
            r ->
                assertThat(r.data().path("trigger").path("source").asText()).isEqualTo("registry"));

    Rollout v2 = pushUnderLoadAndAwaitTheRollout("v2");
    assertTriggered(v2, "registry");
    assertThat(server.transcript()).contains("dray server: trigger registry latest (" + prefix(v2));

    int releases = releases().size();
    int received = events.triggers("Received", app).size();
    int beforeAgain = registry.requests().size();
    assertThat(images.pushAgain()).isEqualTo(v2.digest());
    awaitManifestPut(beforeAgain);
    await("the notification of the same digest, skipped")
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(events.triggers("Skipped", app))
                    .anySatisfy(
                        s -> {
                          assertThat(s.data().path("reason").asText())
                              .isEqualTo("latest already runs");
                          assertThat(s.data().path("trigger").path("source").asText())
                              .isEqualTo("registry");
                          assertThat(s.data().path("trigger").toString())
                              .contains(v2.digest().hex());
                        }));
    assertThat(events.triggers("Received", app)).hasSize(received + 1);
    assertThat(releases()).as("the same digest again deploys nothing").hasSize(releases);

    // the registry notifies before it moves the tag: on an idle server the rollout may ask for
    // the tag too early, and every push must still roll out
    for (String version : List.of("v3", "v4")) {
      Digest digest = images.push(version);
      assertSucceeded(awaitRollouts(++releases), digest);
      assertThat(proxyGet("/version")).isEqualTo(version);
    }
    report("registry notification", v2);
  }

  // --- the steps ----------------------------------------------------------------------------

  /** Names the app and its repository in the test's registry. */
  private void prepare(String kind) {
    String id = UUID.randomUUID().toString().substring(0, 6);
    app = "ad" + kind + "-" + id;
    repository = "it-autodeploy/" + kind + "-" + id;
    images =
        new LatestImages(
            engine, ImageRef.parse(registry.host() + "/" + repository + ":latest"), dir);
  }

  /** Writes the app's dray.yml with {@code autoDeploy}, starts dray server on {@code port}. */
  private void start(int port, String autoDeploy) throws IOException, InterruptedException {
    proxyPort = TestServices.freePort();
    Path config =
        Files.writeString(
            Files.createDirectories(dir.resolve(app)).resolve("dray.yml"),
            """
            service: %s
            image: %s/%s
            servers: [local]
            proxy: {port: %d, bind: 127.0.0.1, drain_timeout: 5s, health_timeout: 20s}
            services:
              web:
                port: 80
                healthcheck: {path: /up, interval: 250ms, timeout: 1s, retries: 12}
                stop_timeout: 3s
            """
                    .formatted(app, registry.host(), repository, proxyPort)
                + autoDeploy);
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("DRAY_STORE");
    env.put("DRAY_HOME", home().toString());
    env.put("DRAY_USER", "tester");
    env.put(SECRET_ENV, SECRET);
    server =
        RunningServer.start(
            env, "server", "--port", String.valueOf(port), "--config", config.toString());
    events = SseRecorder.connect(server.url(), server.token());
  }

  /**
   * Pushes {@code version} under {@code latest} while {@value #CLIENTS} clients request {@code
   * /version} through the proxy, and checks what a user would: the rollout started by itself and
   * succeeded, the proxy serves the new version, no request failed, the event stream showed the
   * rollout while it ran, and {@code /metrics} counts it.
   */
  private Rollout pushUnderLoadAndAwaitTheRollout(String version) throws Exception {
    int before = releases().size();
    ScrapedMetrics metricsBefore = metrics();
    double succeededBefore = succeeded(metricsBefore);
    double lastBefore =
        metricsBefore.value("dray_last_deploy_timestamp_seconds", "app", app).orElseThrow();
    int mark = registry.requests().size();
    ProxyLoad load = ProxyLoad.start(proxyPort, CLIENTS, Duration.ofMinutes(5));
    Digest digest;
    JsonNode record;
    try {
      await("load before the push")
          .atMost(Duration.ofSeconds(20))
          .until(() -> load.successes() >= 50);
      digest = images.push(version);
      record = awaitRollouts(before + 1);
      int served = load.successes();
      await("load after the switch")
          .atMost(Duration.ofSeconds(20))
          .until(() -> load.successes() >= served + 50);
    } finally {
      load.close();
    }
    assertSucceeded(record, digest);
    assertThat(proxyGet("/version")).isEqualTo(version);
    assertThat(load.failures())
        .as(
            "failed requests while %s rolled out (of %d): %s",
            version, load.successes(), load.samples())
        .isZero();

    String id = record.get("id").asText();
    Instant finished = Instant.parse(record.get("finishedAt").asText());
    List<SseRecorder.Received> streamed = events.deploy(id);
    assertThat(streamed)
        .extracting(SseRecorder.Received::type)
        .contains("DeployStarted", "StepStarted", "StepFinished", "Switched", "DeployFinished");
    assertThat(streamed.get(0).type()).isEqualTo("DeployStarted");
    assertThat(streamed.get(0).data().path("app").asText()).isEqualTo(app);
    assertThat(streamed.get(0).arrived())
        .as("the dashboard's stream showed the rollout while it ran")
        .isBefore(finished);
    assertThat(streamed)
        .filteredOn(e -> e.type().equals("DeployFinished"))
        .singleElement()
        .satisfies(e -> assertThat(e.data().path("outcome").asText()).isEqualTo("SUCCEEDED"));

    ScrapedMetrics metricsAfter = metrics();
    assertThat(succeeded(metricsAfter)).as(metricsAfter.text()).isEqualTo(succeededBefore + 1);
    assertThat(metricsAfter.value("dray_last_deploy_timestamp_seconds", "app", app))
        .as(metricsAfter.text())
        .hasValueSatisfying(t -> assertThat(t).isGreaterThan(lastBefore));

    Instant pushed = manifestPutAfter(mark);
    Duration latency = Duration.between(pushed, Instant.parse(record.get("startedAt").asText()));
    assertThat(latency).as("push → rollout start").isLessThan(PROMPT);
    return new Rollout(record, digest, pushed, latency);
  }

  /** The trigger of {@code rollout} came from {@code source} and named the pushed digest. */
  private void assertTriggered(Rollout rollout, String source) {
    assertThat(events.triggers("Received", app))
        .anySatisfy(
            r -> {
              JsonNode trigger = r.data().path("trigger");
              assertThat(trigger.path("source").asText()).isEqualTo(source);
              assertThat(trigger.path("version").asText()).isEqualTo("latest");
              assertThat(trigger.toString()).contains(rollout.digest().hex());
            });
    assertThat(events.triggers("Finished", app))
        .anySatisfy(
            f -> assertThat(f.data().path("trigger").toString()).contains(rollout.digest().hex()));
  }

  private void assertSucceeded(JsonNode record, Digest digest) {
    assertThat(record.path("outcome").asText()).as(record.toString()).isEqualTo("SUCCEEDED");
    assertThat(record.path("kind").asText()).isEqualTo("deploy");
    assertThat(record.path("version").asText()).isEqualTo("latest");
    assertThat(record.path("images").path("web").asText()).endsWith("@" + digest);
  }

  // --- reading what the server, proxy and registry show ----------------------------------------

  /** The app's rollouts, newest first, from {@code GET /api/apps/{app}/releases}. */
  private List<JsonNode> releases() {
    HttpResponse<String> r =
        get(server.url(), "/api/apps/" + app + "/releases?limit=50", server.token());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    json(r).forEach(out::add);
    return out;
  }

  /** Waits for the {@code n}th rollout to end and returns it. */
  private JsonNode awaitRollouts(int n) {
    await("rollout " + n + " of " + app + " ends")
        .atMost(ROLLOUT)
        .failFast("dray server stopped", () -> !server.isRunning())
        .until(
            () -> {
              List<JsonNode> all = releases();
              return all.size() >= n && !all.get(0).path("finishedAt").isNull();
            });
    List<JsonNode> all = releases();
    assertThat(all).as("rollouts of %s:\n%s", app, server.transcript()).hasSize(n);
    return all.get(0);
  }

  private ScrapedMetrics metrics() {
    HttpResponse<String> r = get(server.url(), "/metrics", null);
    assertThat(r.statusCode()).isEqualTo(200);
    return new ScrapedMetrics(r.body());
  }

  private double succeeded(ScrapedMetrics metrics) {
    return metrics
        .value("dray_deploys_total", "app", app, "kind", "deploy", "outcome", "SUCCEEDED")
        .orElse(0.0);
  }

  private String proxyGet(String path) {
    HttpResponse<String> r = get(URI.create("http://127.0.0.1:" + proxyPort), path, null);
    return r.statusCode() == 200 ? r.body().strip() : "HTTP " + r.statusCode();
  }

  private List<RegistryProcess.Request> since(int index) {
    List<RegistryProcess.Request> all = registry.requests();
    return all.subList(Math.min(index, all.size()), all.size());
  }

  /** Waits until the registry took a manifest PUT of latest after {@code index}; the next index. */
  private int awaitManifestPut(int index) {
    await("the registry stores the manifest")
        .atMost(Duration.ofSeconds(10))
        .until(() -> since(index).stream().anyMatch(this::isManifestPut));
    return registry.requests().size();
  }

  /** When the registry stored the manifest of latest pushed after {@code index}. */
  private Instant manifestPutAfter(int index) {
    return since(index).stream()
        .filter(this::isManifestPut)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no manifest PUT in:\n" + registry.log()))
        .at();
  }

  private boolean isManifestPut(RegistryProcess.Request r) {
    return r.method().equals("PUT") && r.isManifestOf(repository, "latest") && r.status() == 201;
  }

  private Path home() {
    return dir.resolve("home");
  }

  private static String prefix(Rollout rollout) {
    return rollout.digest().toString().substring(0, "sha256:".length() + 12);
  }

  private void report(String how, Rollout rollout) {
    System.out.printf(
        "AutoDeployIT: %s: registry stored the manifest at %s, rollout %s started %d ms later%n",
        how, rollout.pushed(), rollout.record().get("id").asText(), rollout.latency().toMillis());
  }
}
