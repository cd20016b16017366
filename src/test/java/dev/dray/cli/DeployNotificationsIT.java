package dev.dray.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.dray.deploy.TestServices;
import dev.dray.deploy.VersionImages;
import dev.dray.engine.DockerEngine;
import dev.dray.image.ImageRef;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications of real rollouts: a {@code generic+http://} URL in dray.yml gets one POST per
 * rollout, shaped as docs/notifications.md says — success, a failed (rolled back) deploy, and a
 * {@code dray rollback}.
 */
class DeployNotificationsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = UUID.randomUUID().toString().substring(0, 8);
  private static final ImageRef REPO =
      ImageRef.parse("127.0.0.1:5000/it-deploy-notify/web-" + TOKEN);
  private static final String BROKEN = "v9-broken";
  private static DockerEngine engine;
  private static VersionImages images;

  @TempDir Path tmp;
  private DeployProject project;
  private HttpServer server;
  private final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void pushVersions() {
    engine = TestServices.engine();
    images = new VersionImages(engine, REPO);
    images.push("v1", true);
    images.push("v2", true);
    images.push(BROKEN, false);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (project != null) {
      project.close();
    }
  }

  @AfterAll
  static void removeImages() {
    if (engine != null) {
      images.removeLocal();
      engine.close();
    }
  }

  @Test
  void eachRolloutPostsOneNotificationSayingHowItEnded() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(
                JSON.createObjectNode()
                    .put("method", exchange.getRequestMethod())
                    .put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"))
                    .set("body", JSON.readTree(body)));
            exchange.sendResponseHeaders(204, -1);
          }
        });
    server.start();
    project = DeployProject.create(tmp, engine, "ntf");
    project.writeConfig(
        REPO.name(),
        DeployProject.webAndWorker()
            + "notify:\n  urls: [\"generic+http://127.0.0.1:%d/hook\"]\n"
                .formatted(server.getAddress().getPort()));

    deploy("deploy", "v1", 0);
    assertThat(received).as("one POST for the first deploy").hasSize(1);
    JsonNode success = body(0);
    assertThat(received.get(0).get("method").asText()).isEqualTo("POST");
    assertThat(received.get(0).get("contentType").asText()).startsWith("application/json");
    assertThat(success.get("app").asText()).isEqualTo(project.app);
    assertThat(success.get("version").asText()).isEqualTo("v1");
    assertThat(success.get("outcome").asText()).isEqualTo("success");
    assertThat(success.get("who").asText()).isEqualTo("tester");
    assertThat(success.get("failedStep").isNull()).as(success.toString()).isTrue();
    assertThat(success.get("durationMs").asLong()).isPositive();
    assertThat(success.get("title").asText()).isEqualTo("✅ " + project.app + " v1 deployed");
    assertThat(success.get("message").asText())
        .startsWith("✅ " + project.app + " v1 deployed in ")
        .endsWith(" by tester");

    deploy("deploy", "v1", 0);
    assertThat(received).as("nothing rolled out, nothing sent").hasSize(1);

    deploy("deploy", "v2", 0);
    assertThat(received).hasSize(2);
    assertThat(body(1).get("outcome").asText()).isEqualTo("success");
    assertThat(body(1).get("version").asText()).isEqualTo("v2");

    deploy("deploy", BROKEN, 1);
    assertThat(received).as("one POST for the failed deploy").hasSize(3);
    JsonNode failed = body(2);
    assertThat(failed.get("failedStep").asText())
        .as(failed.toString())
        .startsWith("health check web");
    assertThat(failed.get("detail").asText()).as(failed.toString()).contains("web");
    // docs/notifications.md: a failed deploy is a "failure" naming the version that failed; if it
    // is sent as a "rollback", its version is "the version rolled back to" (v2 here)
    String outcome = failed.get("outcome").asText();
    assertThat(outcome).isIn("failure", "rollback");
    if (outcome.equals("failure")) {
      assertThat(failed.get("version").asText()).as(failed.toString()).isEqualTo(BROKEN);
      assertThat(failed.get("message").asText())
          .as(failed.toString())
          .startsWith("❌ " + project.app + " " + BROKEN + " failed at step 'health check web");
    } else {
      assertThat(failed.get("version").asText())
          .as("a rollback names the version rolled back to: " + failed)
          .isEqualTo("v2");
      assertThat(failed.get("title").asText())
          .as(failed.toString())
          .isEqualTo("↩️ " + project.app + " rolled back to v2");
    }

    deploy("rollback", null, 0);
    assertThat(received).as("one POST for the rollback").hasSize(4);
    JsonNode rollback = body(3);
    assertThat(rollback.get("outcome").asText()).isEqualTo("rollback");
    assertThat(rollback.get("version").asText()).as(rollback.toString()).isEqualTo("v1");
    assertThat(rollback.get("title").asText())
        .isEqualTo("↩️ " + project.app + " rolled back to v1");
    assertThat(project.get("/version")).isEqualTo("v1");
  }

  private void deploy(String command, String version, int exit) {
    CliRun run = version == null ? project.dray(command) : project.dray(command, version);
    assertThat(run.code()).as(run.transcript()).isEqualTo(exit);
    assertThat(run.out() + run.err())
        .as("no notification warning: " + run.transcript())
        .doesNotContain("notification via");
  }

  private JsonNode body(int i) {
    return received.get(i).get("body");
  }
}
