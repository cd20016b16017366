package dev.dray.server;

import static dev.dray.server.ServerIt.get;
import static dev.dray.server.ServerIt.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dray.deploy.TestServices;
import dev.dray.engine.DockerEngine;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dray server} building what a GitHub branch push names, as a user runs it: the app's
 * dray.yml lies in a clone of a repository (a local bare one stands in for GitHub), a signed push
 * webhook arrives for a commit pushed from elsewhere, and the server fetches that commit into a
 * worktree of its own, builds and pushes it like {@code dray build --push}, and deploys it; the
 * user's clone is left alone. A commit that does not build deploys nothing and the trigger fails
 * with the error.
 */
class GitPushBuildIT {
  private static final String SECRET = "it-git-build-secret";
  private static final String SECRET_ENV = "DRAY_IT_GITHUB_SECRET";
  private static final Duration ROLLOUT = Duration.ofSeconds(180);

  @TempDir Path dir;

  private DockerEngine engine;
  private RunningServer server;
  private SseRecorder events;
  private String app;
  private String image;
  private int proxyPort;
  private final List<String> builtTags = new ArrayList<>();

  @BeforeEach
  void requireDockerdRegistryHaproxyAndGit() {
    engine = TestServices.engine();
    GitRepo.requireGit();
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
          for (String tag : builtTags) {
            try {
              engine.removeImage(image + ":" + tag, true);
            } catch (RuntimeException e) {
              // not built, or already gone
            }
          }
        }
      } finally {
        engine.close();
      }
    }
  }

  @Test
  void aBranchPushBuildsTheCommitFromOriginAndDeploysItAndABrokenCommitDeploysNothing()
      throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 6);
    app = "gitbuild-" + id;
    image = "127.0.0.1:5000/it-gitbuild/" + app;
    proxyPort = TestServices.freePort();
    GitRepo origin = GitRepo.bare(dir.resolve("origin.git"));
    GitRepo clone = GitRepo.cloneOf(origin, dir.resolve("clone"));
    clone.write("deploy/dray.yml", drayYml()).write("deploy/Dockerfile", dockerfile("v1"));
    String first = clone.commitAndPush("v1");
    Path config = clone.dir().resolve("deploy/dray.yml");
    start(config);

    // the clone's own HEAD, pushed
    JsonNode v1 = pushAndAwaitRollout(first, 1);
    assertDeployed(v1, first, "v1");

    // a commit the clone has never seen, pushed by a colleague
    GitRepo colleague = GitRepo.cloneOf(origin, dir.resolve("colleague"));
    String second = colleague.write("deploy/Dockerfile", dockerfile("v2")).commitAndPush("v2");
    JsonNode v2 = pushAndAwaitRollout(second, 2);
    assertDeployed(v2, second, "v2");

    assertThat(clone.head()).as("the user's clone stays where it was").isEqualTo(first);
    assertThat(clone.git("status", "--porcelain")).as("and its working tree untouched").isEmpty();
    assertThat(clone.git("worktree", "list", "--porcelain"))
        .as("the server's worktree was removed from the clone")
        .doesNotContain(second);
    assertThat(home().resolve("builds").resolve(app).resolve(second)).doesNotExist();
    assertThat(registryTags())
        .as("the tags the rules give the push, in the registry")
        .contains("sha-" + second.substring(0, 7), "main", "cache-web");

    JsonNode build = builds().get(0);
    assertThat(build.path("gitSha").asText()).isEqualTo(second);
    assertThat(build.path("gitRef").asText()).isEqualTo("refs/heads/main");
    assertThat(build.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(build.path("tags").toString()).contains(image + ":sha-" + second.substring(0, 7));
    assertThat(server.transcript())
        .contains(app + ": build started")
        .containsPattern(
            app + ": build succeeded in [^,]+, cache hits \\d+% \\(\\d+/\\d+ steps\\)");
    assertThat(drayBuilds())
        .as("dray builds lists the server's build")
        .contains("\"gitSha\" : \"" + second + "\"")
        .contains("\"id\" : \"" + build.path("id").asText() + "\"");

    // a commit whose Dockerfile does not build
    String broken =
        colleague
            .write("deploy/Dockerfile", dockerfile("v3") + "RUN echo the tests fail && exit 3\n")
            .commitAndPush("broken");
    String deployId = sendPush(broken);
    JsonNode finished = awaitTriggerFinished(deployId);
    assertThat(finished.path("report").isNull() || finished.path("report").isMissingNode())
        .as(finished.toString())
        .isTrue();
    assertThat(finished.path("failure").asText())
        .as("the trigger fails with the build's error")
        .contains("exit code: 3");
    assertThat(releases()).as("nothing deployed").hasSize(2);
    assertThat(proxyGet("/version")).isEqualTo("v2");
    JsonNode failed = builds().get(0);
    assertThat(failed.path("gitSha").asText()).isEqualTo(broken);
    assertThat(failed.path("outcome").asText()).isEqualTo("FAILED");
    assertThat(home().resolve("builds").resolve(app).resolve(broken)).doesNotExist();
    assertThat(server.transcript())
        .contains("github build+deploy sha-" + broken.substring(0, 7))
        .contains(app + ": build failed")
        .contains("failed (" + deployId + "): ");
    assertThat(server.isRunning()).isTrue();
    server
        .transcript()
        .lines()
        .filter(l -> l.contains("build") || l.contains(app + ": deploy"))
        .forEach(l -> System.out.println("GitPushBuildIT: " + l));
  }

  // --- the steps ----------------------------------------------------------------------------

  private String drayYml() {
    return """
        service: %s
        image: %s
        servers: [local]
        proxy: {port: %d, bind: 127.0.0.1, drain_timeout: 5s, health_timeout: 20s}
        tags:
          - type=sha
          - type=ref,event=branch,priority=50
        services:
          web:
            port: 80
            healthcheck: {path: /up, interval: 250ms, timeout: 1s, retries: 12}
            stop_timeout: 3s
        auto_deploy:
          branches: [main]
          github_secret_env: %s
        """
        .formatted(app, image, proxyPort, SECRET_ENV);
  }

  private static String dockerfile(String version) {
    return """
        FROM %s AS web
        RUN mkdir -p /www && echo ok > /www/up
        RUN echo %s > /www/version
        CMD ["sh", "-c", "exec httpd -f -v -p 80 -h /www"]
        """
        .formatted(TestServices.BASE, version);
  }

  private void start(Path config) throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("DRAY_STORE");
    env.put("DRAY_HOME", home().toString());
    env.put("DRAY_USER", "tester");
    env.put(SECRET_ENV, SECRET);
    server =
        RunningServer.start(
            env,
            "server",
            "--port",
            String.valueOf(TestServices.freePort()),
            "--config",
            config.toString());
    events = SseRecorder.connect(server.url(), server.token());
  }

  /** Sends GitHub's push webhook for {@code sha} on main; the deploy id the queue gave it. */
  private String sendPush(String sha) throws Exception {
    byte[] body =
        """
        {"ref":"refs/heads/main","before":"%s","after":"%s","deleted":false,
         "repository":{"full_name":"acme/%s","default_branch":"main"}}
        """
            .formatted("0".repeat(40), sha, app)
            .getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    HttpResponse<String> r =
        ServerIt.send(
            HttpRequest.newBuilder(server.url().resolve("/hooks/github/" + app))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header(
                    "X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(r.body()).contains("build+deploy").contains("sha-" + sha.substring(0, 7));
    await("the trigger of " + sha + " received")
        .atMost(Duration.ofSeconds(10))
        .until(() -> received(sha).isPresent());
    return received(sha).orElseThrow();
  }

  private java.util.Optional<String> received(String sha) {
    return events.triggers("Received", app).stream()
        .filter(r -> r.data().path("trigger").toString().contains(sha))
        .map(r -> r.data().path("deployId").asText())
        .findFirst();
  }

  private JsonNode pushAndAwaitRollout(String sha, int n) throws Exception {
    String deployId = sendPush(sha);
    await("rollout " + n + " of " + app + " ends")
        .atMost(ROLLOUT)
        .failFast("dray server stopped", () -> !server.isRunning())
        .failFast(
            "the trigger failed:\n" + server.transcript(),
            () ->
                triggerFinished(deployId)
                    .filter(f -> f.has("failure") && !f.path("failure").isNull())
                    .isPresent())
        .until(
            () -> {
              List<JsonNode> all = releases();
              return all.size() >= n && !all.get(0).path("finishedAt").isNull();
            });
    JsonNode record = releases().get(0);
    assertThat(record.path("id").asText()).as("the deploy id announced").isEqualTo(deployId);
    return record;
  }

  private void assertDeployed(JsonNode record, String sha, String served) {
    String version = "sha-" + sha.substring(0, 7);
    builtTags.add(version);
    assertThat(record.path("outcome").asText())
        .as("%s\n%s", record, server.transcript())
        .isEqualTo("SUCCEEDED");
    assertThat(record.path("version").asText()).isEqualTo(version);
    assertThat(proxyGet("/version")).isEqualTo(served);
  }

  private JsonNode awaitTriggerFinished(String deployId) {
    await("the trigger " + deployId + " finishes")
        .atMost(ROLLOUT)
        .failFast("dray server stopped", () -> !server.isRunning())
        .until(() -> triggerFinished(deployId).isPresent());
    return triggerFinished(deployId).orElseThrow();
  }

  private java.util.Optional<JsonNode> triggerFinished(String deployId) {
    return events.triggers("Finished", app).stream()
        .map(SseRecorder.Received::data)
        .filter(d -> d.path("deployId").asText().equals(deployId))
        .findFirst();
  }

  // --- reading what the server, proxy, registry and CLI show ---------------------------------

  private List<JsonNode> releases() {
    return list("/api/apps/" + app + "/releases?limit=50");
  }

  private List<JsonNode> builds() {
    return list("/api/apps/" + app + "/builds?limit=50");
  }

  private List<JsonNode> list(String path) {
    HttpResponse<String> r = get(server.url(), path, server.token());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    json(r).forEach(out::add);
    return out;
  }

  private List<String> registryTags() {
    HttpResponse<String> r =
        get(URI.create("http://127.0.0.1:5000"), "/v2/it-gitbuild/" + app + "/tags/list", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> tags = new ArrayList<>();
    json(r).path("tags").forEach(t -> tags.add(t.asText()));
    builtTags.addAll(tags);
    return tags;
  }

  /** What {@code dray builds --service app --json} prints from the server's store. */
  private String drayBuilds() throws InterruptedException {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("DRAY_STORE");
    env.put("DRAY_HOME", home().toString());
    env.put("NO_COLOR", "1");
    InProcessDray builds = InProcessDray.start(env, "builds", "--service", app, "--json");
    await("dray builds ends").atMost(Duration.ofSeconds(30)).until(() -> !builds.isRunning());
    return builds.transcript();
  }

  private String proxyGet(String path) {
    HttpResponse<String> r = get(URI.create("http://127.0.0.1:" + proxyPort), path, null);
    return r.statusCode() == 200 ? r.body().strip() : "HTTP " + r.statusCode();
  }

  private Path home() {
    return dir.resolve("home");
  }
}
