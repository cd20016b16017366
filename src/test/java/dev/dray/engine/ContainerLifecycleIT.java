package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.dray.Secret;
import dev.dray.image.ImageRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContainerLifecycleIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static HttpDockerEngine engine;

  private final String token = EngineIt.token();
  private final String prefix = "it-engine-ctr-" + token;
  private final List<String> containers = new ArrayList<>();

  /**
   * The base image under a tag of this test's own, so that other test runs on this dockerd that
   * remove the shared base image do not pull it from under these containers.
   */
  private static final ImageRef IMAGE =
      ImageRef.parse("127.0.0.1:5000/it-engine-ctr/busybox:" + EngineIt.token());

  @BeforeAll
  static void connectAndTagTheBaseImage() {
    try {
      engine = HttpDockerEngine.connect();
    } catch (EngineUnreachableException e) {
      throw new AssertionError(
          "dockerd is not reachable: run scripts/test-env.sh up\n" + e.getMessage(), e);
    }
    try {
      engine.pull(ImageRef.parse(EngineIt.BASE), Optional.empty(), ProgressListener.NONE);
      engine.tag(EngineIt.BASE, IMAGE);
    } catch (EngineException e) {
      throw new AssertionError(
          "the base image "
              + EngineIt.BASE
              + " cannot be pulled: run scripts/test-env.sh up\n"
              + e.getMessage(),
          e);
    }
  }

  @AfterEach
  void removeContainers() {
    containers.forEach(name -> engine.removeContainer(name, true));
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.removeImage(IMAGE.toString(), false);
      engine.close();
    }
  }

  private String name(String role) {
    String name = prefix + "-" + role;
    containers.add(name);
    return name;
  }

  private ContainerSpec.Builder busybox(String name, String script) {
    return ContainerSpec.builder(name, IMAGE.toString())
        .command("sh", "-c", script)
        .label("dray.app", prefix)
        .stopTimeout(Duration.ofSeconds(1));
  }

  @Test
  void aWebContainerServesOnItsPublishedPortBecomesHealthyAndStops() throws Exception {
    String name = name("web");
    ContainerSpec spec =
        busybox(
                name,
                "mkdir -p /www && echo hello-$GREETING > /www/index.html"
                    + " && echo greeting=$GREETING secret-length=${#API_TOKEN}"
                    + " && exec httpd -f -p 8080 -h /www")
            .env("GREETING", token)
            .secretEnv("API_TOKEN", Secret.of("0123456789"))
            .label("dray.role", "web")
            .publishPort(8080)
            .healthcheck(
                HealthSpec.shell(
                    "wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1",
                    Duration.ofMillis(500),
                    Duration.ofSeconds(2),
                    3,
                    Duration.ZERO))
            .restartPolicy("unless-stopped")
            .build();

    String id = engine.createContainer(spec);
    ContainerDetails created = engine.inspectContainer(name).orElseThrow();
    engine.startContainer(name);
    engine.startContainer(id);

    assertThat(created.id()).isEqualTo(id);
    assertThat(created.status()).isEqualTo("created");
    assertThat(created.running()).isFalse();
    ContainerDetails running = engine.inspectContainer(id).orElseThrow();
    assertThat(running.name()).isEqualTo(name);
    assertThat(running.running()).isTrue();
    assertThat(running.status()).isEqualTo("running");
    assertThat(running.image()).isEqualTo(IMAGE.toString());
    assertThat(running.imageId())
        .isEqualTo(engine.inspectImage(IMAGE.toString()).orElseThrow().id());
    assertThat(running.labels())
        .containsEntry("dray.app", prefix)
        .containsEntry("dray.role", "web");
    assertThat(running.startedAt()).isPresent();
    int hostPort = running.hostPort(8080).orElseThrow();
    assertThat(hostPort).isPositive().isNotEqualTo(8080);

    assertThat(await().atMost(PATIENCE).until(() -> get(hostPort), Optional::isPresent))
        .hasValueSatisfying(body -> assertThat(body).isEqualTo("hello-" + token + "\n"));
    ContainerDetails healthy =
        await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> engine.inspectContainer(id).orElseThrow(), ContainerDetails::healthy);
    assertThat(healthy.healthLog()).isNotEmpty();

    assertThat(engine.listContainers(Map.of("dray.app", prefix, "dray.role", "web"), false))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo(id);
              assertThat(c.name()).isEqualTo(name);
              assertThat(c.state()).isEqualTo("running");
              assertThat(c.image()).isEqualTo(IMAGE.toString());
              assertThat(c.labels()).containsEntry("dray.role", "web");
              assertThat(c.created()).isPresent();
            });
    assertThat(engine.listContainers(Map.of("dray.app", prefix, "dray.role", "worker"), true))
        .isEmpty();
    assertThat(engine.containerLogs(name, 10)).contains("greeting=" + token + " secret-length=10");

    engine.stopContainer(name, Duration.ofSeconds(1));
    engine.stopContainer(name, Duration.ofSeconds(1));

    ContainerDetails stopped = engine.inspectContainer(name).orElseThrow();
    assertThat(stopped.running()).isFalse();
    assertThat(stopped.status()).isEqualTo("exited");
    assertThat(stopped.finishedAt()).isPresent();
    assertThat(engine.listContainers(Map.of("dray.app", prefix), false)).isEmpty();
    assertThat(engine.listContainers(Map.of("dray.app", prefix), true))
        .extracting(ContainerSummary::state)
        .containsExactly("exited");
    engine.removeContainer(name, false);
    assertThat(engine.inspectContainer(name)).isEmpty();
    engine.removeContainer(name, false);
  }

  private static Optional<String> get(int port) {
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Test
  void aOneOffContainerReportsItsExitCodeAndOutput() {
    String name = name("migrate");
    engine.createContainer(busybox(name, "echo migrating; echo oops >&2; exit 3").build());
    engine.startContainer(name);

    int exitCode = engine.waitContainer(name, PATIENCE);

    assertThat(exitCode).isEqualTo(3);
    assertThat(engine.waitContainer(name, PATIENCE)).isEqualTo(3);
    assertThat(engine.containerLogs(name, 100)).containsExactlyInAnyOrder("migrating", "oops");
    ContainerDetails exited = engine.inspectContainer(name).orElseThrow();
    assertThat(exited.status()).isEqualTo("exited");
    assertThat(exited.exitCode()).isEqualTo(3);
    assertThat(exited.oomKilled()).isFalse();
    assertThat(exited.running()).isFalse();
    assertThat(exited.health()).isEmpty();
    assertThat(exited.finishedAt()).isPresent();
    assertThat(exited.publishedPorts()).isEmpty();
  }

  @Test
  void logsKeepTheLastLinesAsked() {
    String name = name("lines");
    engine.createContainer(busybox(name, "for i in 1 2 3 4 5; do echo line-$i; done").build());
    engine.startContainer(name);
    engine.waitContainer(name, PATIENCE);

    assertThat(engine.containerLogs(name, 2)).containsExactly("line-4", "line-5");
    assertThat(engine.containerLogs(name, -1))
        .containsExactly("line-1", "line-2", "line-3", "line-4", "line-5");
  }

  @Test
  void waitingForARunningContainerTimesOutAndLeavesItRunning() {
    String name = name("sleeper");
    engine.createContainer(busybox(name, "sleep 60").build());
    engine.startContainer(name);
    long start = System.nanoTime();

    ContainerWaitTimeoutException e =
        catchThrowableOfType(
            ContainerWaitTimeoutException.class,
            () -> engine.waitContainer(name, Duration.ofMillis(500)));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(e.container()).isEqualTo(name);
    assertThat(e.hint()).isPresent();
    assertThat(engine.inspectContainer(name).orElseThrow().running()).isTrue();
  }

  @Test
  void aTakenNameIsAConflict() {
    String name = name("twice");
    engine.createContainer(busybox(name, "true").build());

    ContainerNameConflictException e =
        catchThrowableOfType(
            ContainerNameConflictException.class,
            () -> engine.createContainer(busybox(name, "true").build()));

    assertThat(e.name()).isEqualTo(name);
    assertThat(e.hint()).get().asString().contains("docker rm -f " + name);
  }

  @Test
  void anImageThatIsNotLocalIsNotPulledOnCreate() {
    String image = "127.0.0.1:5000/it-engine-ctr/missing:" + token;

    ImageNotFoundLocallyException e =
        catchThrowableOfType(
            ImageNotFoundLocallyException.class,
            () -> engine.createContainer(ContainerSpec.builder(name("orphan"), image).build()));

    assertThat(e.image()).isEqualTo(image);
    assertThat(e.getMessage()).contains(image);
    assertThat(engine.inspectImage(image)).isEmpty();
  }

  @Test
  void aContainerThatDoesNotExistIsNotFoundWhereItMatters() {
    String name = prefix + "-ghost";

    assertThat(engine.inspectContainer(name)).isEmpty();
    engine.stopContainer(name, Duration.ZERO);
    engine.removeContainer(name, true);
    assertThat(
            catchThrowableOfType(
                ContainerNotFoundException.class, () -> engine.startContainer(name)))
        .satisfies(e -> assertThat(e.container()).isEqualTo(name));
    catchThrowableOfType(ContainerNotFoundException.class, () -> engine.containerLogs(name, 5));
    catchThrowableOfType(
        ContainerNotFoundException.class, () -> engine.waitContainer(name, PATIENCE));
    catchThrowableOfType(
        ContainerNotFoundException.class, () -> engine.renameContainer(name, name + "-2"));
  }

  @Test
  void aCommandThatCannotRunExitsAndSaysWhyInItsLog() {
    String name = name("broken");
    engine.createContainer(
        ContainerSpec.builder(name, IMAGE.toString()).command("/no/such/program").build());

    // containers run with an init process as PID 1: it starts, then fails to exec the command
    engine.startContainer(name);
    int exitCode = engine.waitContainer(name, PATIENCE);

    assertThat(exitCode).isNotZero();
    ContainerDetails details = engine.inspectContainer(name).orElseThrow();
    assertThat(details.running()).isFalse();
    assertThat(String.join("\n", engine.containerLogs(name, 10))).contains("/no/such/program");
  }

  @Test
  void renameMovesTheNameAndRefusesATakenOne() {
    String first = name("old");
    String second = name("new");
    String other = name("other");
    String id = engine.createContainer(busybox(first, "true").build());
    engine.createContainer(busybox(other, "true").build());

    engine.renameContainer(first, second);

    assertThat(engine.inspectContainer(first)).isEmpty();
    assertThat(engine.inspectContainer(second).orElseThrow().id()).isEqualTo(id);
    ContainerNameConflictException e =
        catchThrowableOfType(
            ContainerNameConflictException.class, () -> engine.renameContainer(second, other));
    assertThat(e.name()).isEqualTo(other);
  }
}
