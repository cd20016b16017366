package dev.dray.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dray.deploy.TestServices;
import dev.dray.deploy.VersionImages;
import dev.dray.engine.DockerEngine;
import dev.dray.image.ImageRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dray status} and {@code dray releases} read from a running {@code dray server} (in
 * process, over HTTP) against an app rolled out to the real dockerd and haproxy: the same lines as
 * on the host, where they came from, and what goes wrong; and {@code dray_triggers_total} on {@code
 * /metrics} after real webhook deliveries.
 */
class RemoteCliIT {
  private static final String TOKEN = UUID.randomUUID().toString().substring(0, 8);
  private static final ImageRef REPO = ImageRef.parse("127.0.0.1:5000/it-remote-cli/web-" + TOKEN);
  private static final String GITHUB_SECRET = "github-secret-" + TOKEN;
  private static final String REGISTRY_SECRET = "registry-secret-" + TOKEN;
  private static final String SHA = "90dd6032fac8bda1b6c4436a2e65de27961ed071";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static DockerEngine engine;
  private static VersionImages images;

  @TempDir Path tmp;
  private final List<DeployProject> projects = new ArrayList<>();

  @BeforeAll
  static void pushVersions() {
    engine = TestServices.engine();
    images = new VersionImages(engine, REPO);
    images.push("v1", true);
    images.push("v2", true);
  }

  @AfterEach
  void removeProjects() {
    projects.forEach(DeployProject::close);
  }

  @AfterAll
  static void removeImages() {
    if (engine != null) {
      images.removeLocal();
      engine.close();
    }
  }

  private DeployProject project(String rest) throws IOException {
    DeployProject p = DeployProject.create(tmp, engine, "rcli");
    projects.add(p);
    return p.writeConfig(REPO.name(), rest);
  }

  @Test
  void statusAndReleasesFromTheServerPrintWhatTheHostPrintsAndSaySo() throws Exception {
    DeployProject p = project(DeployProject.webAndWorker());
    for (String v : List.of("v1", "v2")) {
      CliRun deploy = p.dray("deploy", v);
      assertThat(deploy.code()).as(deploy.transcript()).isZero();
    }

    try (ServerRun server = ServerRun.start(p.env(), "--config", p.config.toString())) {
      Map<String, String> env = p.env("DRAY_SERVER_TOKEN", server.token);
      String origin = "(from server " + server.url + ")";

      CliRun local = p.dray("status");
      CliRun remote = p.dray(env, "status", "--server", server.address());
      assertThat(local.code()).as(local.transcript()).isZero();
      assertThat(remote.code()).as(remote.transcript()).isZero();
      assertThat(remote.outLines().get(0)).isEqualTo(p.app + "  " + origin);
      assertThat(local.outLines().get(0))
          .isEqualTo(p.app + "  (" + p.containers(true).size() + " container(s) on local)");
      assertThat(serviceLines(remote))
          .as(local.transcript() + remote.transcript())
          .hasSize(3)
          .containsExactlyElementsOf(serviceLines(local))
          .anySatisfy(l -> assertThat(l).startsWith("  web  v2  sha256:").contains("restarts 0"))
          .anySatisfy(l -> assertThat(l).startsWith("  worker  v2  sha256:"))
          .contains("proxy  running");
      assertThat(local.out()).as("only the host knows the proxy's servers").contains("READY/UP");
      assertThat(remote.out() + remote.err()).doesNotContain(server.token);

      CliRun byEnv =
          p.dray(
              p.env("DRAY_SERVER", server.address(), "DRAY_SERVER_TOKEN", server.token), "status");
      assertThat(byEnv.outLines().get(0)).as(byEnv.transcript()).isEqualTo(p.app + "  " + origin);
      CliRun forcedLocal =
          p.dray(
              p.env("DRAY_SERVER", server.address(), "DRAY_SERVER_TOKEN", server.token),
              "status",
              "--local");
      assertThat(forcedLocal.outLines().get(0)).as(forcedLocal.transcript()).endsWith("on local)");
      CliRun everyApp = CliRun.of(env, "status", "--server", server.address());
      assertThat(everyApp.outLines())
          .as("no dray.yml in the test's directory: every app served")
          .first()
          .isEqualTo(p.app + "  " + origin);
      CliRun named = CliRun.of(env, "status", "--server", server.address(), "--app", p.app);
      assertThat(serviceLines(named)).as(named.transcript()).isEqualTo(serviceLines(remote));

      CliRun history = p.dray("releases");
      CliRun remoteHistory = p.dray(env, "releases", "--server", server.address());
      assertThat(history.code()).as(history.transcript()).isZero();
      assertThat(remoteHistory.code()).as(remoteHistory.transcript()).isZero();
      assertThat(history.outLines()).hasSize(3);
      assertThat(remoteHistory.outLines())
          .as(history.transcript() + remoteHistory.transcript())
          .containsExactlyElementsOf(
              Stream.concat(history.outLines().stream(), Stream.of(origin)).toList());

      String id = history.outLines().get(1).substring(0, 8);
      CliRun journal = p.dray("releases", id);
      CliRun remoteJournal = p.dray(env, "releases", id, "--server", server.address());
      assertThat(journal.code()).as(journal.transcript()).isZero();
      assertThat(remoteJournal.outLines())
          .as(journal.transcript() + remoteJournal.transcript())
          .containsExactlyElementsOf(
              Stream.concat(journal.outLines().stream(), Stream.of(origin)).toList());
      assertThat(journal.outLines().get(0)).startsWith("deploy " + p.app + " v2 by tester at ");
    }
  }

  @Test
  void saysWhatWentWrongWithTheServerWithoutAStackTrace() throws Exception {
    DeployProject p = project(DeployProject.webAndWorker());
    try (ServerRun server = ServerRun.start(p.env(), "--config", p.config.toString())) {
      String url = server.address();
      Map<String, String> env = p.env("DRAY_SERVER_TOKEN", server.token);

      CliRun wrongToken =
          p.dray(p.env("DRAY_SERVER_TOKEN", "not-the-token"), "status", "--server", url);
      assertFailed(wrongToken)
          .contains(
              "error: dray server at "
                  + server.url
                  + " refused the token in DRAY_SERVER_TOKEN (401",
              "hint: set DRAY_SERVER_TOKEN to the server's current token; 'dray server token'")
          .doesNotContain("not-the-token");

      CliRun noToken = p.dray(p.env(), "releases", "--server", url);
      assertFailed(noToken).contains("DRAY_SERVER_TOKEN is not set", "hint: set DRAY_SERVER_TOKEN");

      CliRun unknownApp = p.dray(env, "status", "--server", url, "--app", "nosuch");
      assertFailed(unknownApp)
          .contains(
              "error: dray server at "
                  + server.url
                  + " does not serve the app nosuch (it serves "
                  + p.app
                  + ")");
      CliRun unknownHistory = p.dray(env, "releases", "--server", url, "--app", "nosuch");
      assertFailed(unknownHistory).contains("does not serve the app nosuch");

      CliRun noRollout = p.dray(env, "releases", "deadbeef", "--server", url);
      assertFailed(noRollout).contains("error: no rollout with id deadbeef");

      CliRun logs = p.dray(env, "status", "--logs", "--server", url);
      assertFailed(logs)
          .contains("--logs reads container logs from this host", "dray status --local --logs");

      CliRun credentials = p.dray(env, "status", "--server", "http://me:pw@127.0.0.1:1");
      assertFailed(credentials).contains("must not carry credentials").doesNotContain("pw@");
    }

    int closed = TestServices.freePort();
    CliRun down =
        p.dray(p.env("DRAY_SERVER", "127.0.0.1:" + closed, "DRAY_SERVER_TOKEN", "t"), "releases");
    assertFailed(down)
        .contains(
            "error: cannot reach dray server at http://127.0.0.1:"
                + closed
                + "/ (GET /api/apps/"
                + p.app
                + "/releases): connection refused",
            "hint: check the URL (--server or DRAY_SERVER) and that 'dray server' runs there");
  }

  @Test
  void metricsCountEveryWebhookTriggerBySourceAndResult() throws Exception {
    DeployProject p =
        project(
            DeployProject.webAndWorker()
                + """
                auto_deploy:
                  tags: ["v*"]
                  github_secret_env: IT_GITHUB_SECRET
                  registry_secret_env: IT_REGISTRY_SECRET
                """);
    Map<String, String> env =
        p.env("IT_GITHUB_SECRET", GITHUB_SECRET, "IT_REGISTRY_SECRET", REGISTRY_SECRET);
    try (ServerRun server = ServerRun.start(env, "--config", p.config.toString())) {
      URI hook = server.url.resolve("/hooks/github/" + p.app);
      assertThat(github(hook, "refs/heads/main", "d-forged", "wrong-secret")).isEqualTo(401);
      assertThat(github(hook, "refs/heads/feature", "d-branch", GITHUB_SECRET)).isEqualTo(202);
      assertThat(github(hook, "refs/tags/v2", "d-v2", GITHUB_SECRET)).isEqualTo(202);
      assertThat(github(hook, "refs/tags/v2", "d-v2", GITHUB_SECRET)).as("a replay").isEqualTo(409);
      assertThat(registry(server.url, REGISTRY_SECRET)).isEqualTo(202);
      assertThat(registry(server.url, "wrong-secret")).isEqualTo(401);

      await("the tag push rolled out v2:\n" + server.transcript())
          .atMost(Duration.ofSeconds(90))
          .until(() -> metrics(server.url).contains("result=\"deployed\",source=\"github\""));
      assertThat(metrics(server.url).lines().filter(l -> l.startsWith("dray_triggers_total")))
          .containsExactlyInAnyOrder(
              "dray_triggers_total{result=\"deployed\",source=\"github\"} 1.0",
              "dray_triggers_total{result=\"ignored\",source=\"github\"} 1.0",
              "dray_triggers_total{result=\"refused\",source=\"github\"} 2.0",
              "dray_triggers_total{result=\"ignored\",source=\"registry\"} 1.0",
              "dray_triggers_total{result=\"refused\",source=\"registry\"} 1.0");
      assertThat(metrics(server.url))
          .contains("# HELP dray_triggers_total Auto-deploy triggers since the server started");
      assertThat(p.get("/version")).isEqualTo("v2");
      CliRun status =
          p.dray(p.env("DRAY_SERVER_TOKEN", server.token), "status", "--server", server.address());
      assertThat(status.out()).as(status.transcript()).contains("  web  v2  sha256:");
    }
  }

  /** The lines of services and the proxy: what host and server both know, uptime left out. */
  private static List<String> serviceLines(CliRun run) {
    return run.outLines().stream()
        .filter(l -> l.matches("  \\S+  \\S+  .*restarts \\d+|  \\S+  not running|proxy  .*"))
        .map(l -> l.replaceAll("  up [^ ]+ ago  ", "  up …  "))
        .toList();
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertFailed(CliRun run) {
    assertThat(run.code()).as(run.transcript()).isEqualTo(1);
    assertThat(run.err())
        .as("no stack trace: " + run.transcript())
        .doesNotContain("\tat ", "Exception");
    return assertThat(run.err()).as(run.transcript());
  }

  private static int github(URI hook, String ref, String delivery, String secret) throws Exception {
    byte[] body =
        """
        {"ref": "%s", "before": "6113728f27ae82c7b1a177c8d03f9e96e0adf246", "after": "%s",
         "deleted": false, "repository": {"full_name": "acme/hello", "default_branch": "main"}}
        """
            .formatted(ref, SHA)
            .getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    HttpRequest request =
        HttpRequest.newBuilder(hook)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "push")
            .header("X-GitHub-Delivery", delivery + "-" + TOKEN)
            .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** A CNCF registry's notification of a push of {@code v2}, a tag the app does not follow. */
  private static int registry(URI server, String secret) throws Exception {
    String body =
        """
        {"events": [{"action": "push", "target": {
          "mediaType": "application/vnd.oci.image.manifest.v1+json",
          "digest": "sha256:09ade42fe3e69018a3360bb092265af902f9e7d6013146cf152c82ac3a944707",
          "repository": "%s", "tag": "v2"}}]}
        """
            .formatted(REPO.repository());
    HttpRequest request =
        HttpRequest.newBuilder(server.resolve("/hooks/registry?secret=" + secret))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/vnd.docker.distribution.events.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static String metrics(URI server) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(server.resolve("/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}
