package dev.dray.server;

import static dev.dray.server.ServerIt.get;
import static dev.dray.server.ServerIt.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dray.Secret;
import dev.dray.engine.ContainerSpec;
import dev.dray.engine.EngineException;
import dev.dray.engine.EngineUnreachableException;
import dev.dray.engine.HttpDockerEngine;
import dev.dray.engine.ProgressListener;
import dev.dray.image.ImageRef;
import dev.dray.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/apps} against the real dockerd: what runs of a served app, per service. */
class AppsApiIT {
  private static final String BASE = "127.0.0.1:5000/dray/busybox:1";
  private static final String TOKEN = UUID.randomUUID().toString().substring(0, 8);
  private static final ImageRef IMAGE =
      ImageRef.parse("127.0.0.1:5000/it-server-core/busybox:" + TOKEN);

  private static HttpDockerEngine engine;

  @TempDir Path home;
  private final List<String> containers = new ArrayList<>();
  private Store store;
  private DrayServer server;

  @BeforeAll
  static void connect() {
    try {
      engine = HttpDockerEngine.connect();
    } catch (EngineUnreachableException e) {
      throw new AssertionError(
          "dockerd is not reachable: run scripts/test-env.sh up\n" + e.getMessage(), e);
    }
    try {
      engine.pull(ImageRef.parse(BASE), Optional.empty(), ProgressListener.NONE);
      engine.tag(BASE, IMAGE);
    } catch (EngineException e) {
      throw new AssertionError(
          "the base image " + BASE + " cannot be pulled: run scripts/test-env.sh up\n" + e, e);
    }
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.removeImage(IMAGE.toString(), false);
      engine.close();
    }
  }

  @AfterEach
  void cleanUp() {
    if (server != null) {
      server.stop();
    }
    if (store != null) {
      store.close();
    }
    containers.forEach(c -> engine.removeContainer(c, true));
  }

  @Test
  void showsTheRunningContainerOfEachServiceAndAnAbsentOne() {
    String app = "itsrv-" + TOKEN;
    String old = container(app, "web", "1.4.1", "sleep 600");
    engine.startContainer(old);
    engine.stopContainer(old, java.time.Duration.ofSeconds(1));
    String web = container(app, "web", "1.4.2", "sleep 600");
    engine.startContainer(web);
    Instant started = Instant.now();
    List<Secret> tokens = new ArrayList<>();
    store = Store.open(home.resolve("dray.db"));
    server =
        DrayServer.builder(store)
            .port(0)
            .apps(List.of(TestApps.served(home, app)))
            .engine(engine)
            .onNewToken(tokens::add)
            .build()
            .start();

    JsonNode apps = json(get(server.url(), "/api/apps", tokens.get(0).reveal()));

    assertThat(apps).hasSize(1);
    JsonNode hello = apps.get(0);
    assertThat(hello.get("app").asText()).isEqualTo(app);
    assertThat(hello.get("proxy").get("running").asBoolean()).isFalse();
    JsonNode services = hello.get("services");
    assertThat(services).hasSize(2);
    JsonNode webService = services.get(0);
    assertThat(webService.get("name").asText()).isEqualTo("web");
    assertThat(webService.get("role").asText()).isEqualTo("web");
    assertThat(webService.get("version").asText()).isEqualTo("1.4.2");
    assertThat(webService.get("image").asText()).isEqualTo(IMAGE.toString());
    assertThat(webService.get("state").asText()).isEqualTo("running");
    assertThat(webService.get("health").isNull()).isTrue();
    assertThat(webService.get("restarts").asInt()).isZero();
    assertThat(Instant.parse(webService.get("since").asText()))
        .isBetween(started.minusSeconds(30), Instant.now());
    JsonNode worker = services.get(1);
    assertThat(worker.get("name").asText()).isEqualTo("worker");
    assertThat(worker.get("role").asText()).isEqualTo("worker");
    assertThat(worker.get("state").asText()).isEqualTo("absent");
    assertThat(worker.get("version").isNull()).isTrue();
  }

  private String container(String app, String service, String version, String script) {
    String name = app + "-" + service + "-" + version.replace('.', '-');
    containers.add(name);
    engine.removeContainer(name, true);
    engine.createContainer(
        ContainerSpec.builder(name, IMAGE.toString())
            .command("sh", "-c", script)
            .label("dray.app", app)
            .label("dray.service", service)
            .label("dray.version", version)
            .label("dray.role", "web")
            .build());
    return name;
  }
}
