package dev.dray.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.dray.build.Backoff;
import dev.dray.build.ImageTransfer;
import dev.dray.config.ConfigLoader;
import dev.dray.config.DrayConfig;
import dev.dray.engine.BuildListener;
import dev.dray.engine.BuildRequest;
import dev.dray.engine.ContainerSummary;
import dev.dray.engine.DockerEngine;
import dev.dray.engine.EndpointDiscovery;
import dev.dray.engine.HttpDockerEngine;
import dev.dray.engine.ProgressListener;
import dev.dray.events.EventSink;
import dev.dray.image.ImageRef;
import dev.dray.proxy.HaproxyEdgeProxy;
import dev.dray.proxy.ProxySettings;
import dev.dray.registry.CredentialResolver;
import dev.dray.registry.RegistryClient;
import dev.dray.registry.RegistryTransport;
import dev.dray.registry.Sleeper;
import dev.dray.store.LockResult;
import dev.dray.store.Store;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollouts against the real dockerd, registry and HAProxy: zero failed requests while a new version
 * takes over, automatic rollback of a version that never becomes healthy, instant rollback to a
 * kept version, skip when nothing changed, and the lock.
 */
class DeployIT {
  private static final String BASE = "127.0.0.1:5000/dray/busybox:1";
  private static final String TOKEN = UUID.randomUUID().toString().substring(0, 8);
  private static final ImageRef REPO = ImageRef.parse("127.0.0.1:5000/it-deploy/app-" + TOKEN);
  private static final String APP = "it-" + TOKEN;
  private static DockerEngine engine;
  private static RegistryClient registry;
  private static HttpClient http;

  @TempDir static Path dir;
  private static int port;
  private static Store store;
  private static HaproxyEdgeProxy proxy;

  @BeforeAll
  static void setUp() throws Exception {
    try {
      engine = HttpDockerEngine.connect(EndpointDiscovery.standard().discover(System.getenv()));
      registry = new RegistryClient(RegistryTransport.builder().build());
      registry.ping("127.0.0.1:5000");
    } catch (RuntimeException e) {
      fail("dockerd and the registry must run: scripts/test-env.sh up (" + e.getMessage() + ")", e);
    }
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    if (engine.inspectImage(BASE).isEmpty()) {
      engine.pull(ImageRef.parse(BASE), Optional.empty(), ProgressListener.NONE);
    }
    pushVersion("v1", true);
    pushVersion("v2", true);
    pushVersion("v3-broken", false);
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.writeString(
        dir.resolve("dray.yml"),
        """
        service: %s
        image: %s
        servers: [local]
        proxy: {port: %d, bind: 127.0.0.1, drain_timeout: 10s, health_timeout: 20s}
        services:
          web:
            port: 80
            healthcheck: {path: /up, interval: 500ms, timeout: 1s, retries: 6}
          worker:
            role: worker
            command: [sh, -c, "while true; do sleep 1; done"]
        retention: {keep: 2}
        """
            .formatted(APP, REPO.name(), port));
    store = Store.open(dir.resolve("dray.db"));
    proxy = new HaproxyEdgeProxy(ProxySettings.defaults(dir.resolve("proxy")));
  }

  @AfterAll
  static void tearDown() {
    if (proxy != null) {
      proxy.stop();
    }
    if (engine != null) {
      for (ContainerSummary c : engine.listContainers(Map.of(ContainerNames.APP, APP), true)) {
        engine.removeContainer(c.id(), true);
      }
      engine.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void rollsOutRollsBackAndReturnsWithoutAFailedRequest() throws Exception {
    DrayConfig config = ConfigLoader.load(dir.resolve("dray.yml"));

    DeployReport first = ran(deployer().deploy(request(config, "v1", false)));
    assertThat(first.outcome()).isEqualTo(DeployReport.Outcome.SUCCEEDED);
    assertThat(get("/version")).isEqualTo("v1");

    try (Load load = Load.start(port)) {
      DeployReport second = ran(deployer().deploy(request(config, "v2", false)));
      assertThat(second.outcome()).isEqualTo(DeployReport.Outcome.SUCCEEDED);
      assertThat(get("/version")).isEqualTo("v2");

      DeployReport broken = ran(deployer().deploy(request(config, "v3-broken", false)));
      assertThat(broken.outcome()).isEqualTo(DeployReport.Outcome.ROLLED_BACK);
      assertThat(broken.failedStep())
          .hasValueSatisfying(s -> assertThat(s).startsWith("health check web"));
      assertThat(broken.container())
          .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo("running"));
      assertThat(get("/version")).isEqualTo("v2");

      Instant before = Instant.now();
      DeployReport back =
          ran(deployer().rollback(config, Optional.empty(), "", Duration.ZERO, Set.of(), false));
      assertThat(back.outcome()).isEqualTo(DeployReport.Outcome.SUCCEEDED);
      assertThat(back.version()).isEqualTo("v1");
      assertThat(Duration.between(before, Instant.now()))
          .as("rollback time; steps: %s", back.steps())
          .isLessThan(Duration.ofSeconds(15));
      assertThat(get("/version")).isEqualTo("v1");

      assertThat(load.failures()).as("failed requests during rollouts").isZero();
      assertThat(load.successes()).isPositive();
    }
    assertThat(
            engine.listContainers(
                Map.of(ContainerNames.APP, APP, ContainerNames.VERSION, "v3-broken"), true))
        .as("the broken version's containers are gone")
        .isEmpty();
    assertThat(store.deploys().recent(APP, 10))
        .extracting(r -> r.kind() + " " + r.version() + " " + r.outcome())
        .containsExactly(
            "rollback v1 SUCCEEDED",
            "deploy v3-broken ROLLED_BACK",
            "deploy v2 SUCCEEDED",
            "deploy v1 SUCCEEDED");

    assertThat(deployer().deploy(request(config, "v1", false)))
        .isInstanceOf(DeployResult.AlreadyRunning.class);

    LockResult held =
        store
            .locks()
            .acquire(APP, "someone@elsewhere pid 1", "elsewhere", 1, "testing", Instant.now());
    assertThat(held).isInstanceOf(LockResult.Acquired.class);
    try {
      assertThatThrownBy(() -> deployer().deploy(request(config, "v2", true)))
          .isInstanceOf(LockHeldException.class)
          .hasMessageContaining("someone@elsewhere");
    } finally {
      store.locks().forceRelease(APP);
    }
  }

  private static Deployer deployer() {
    Clock clock = Clock.systemUTC();
    DeployHost host = new DeployHost("local", engine, proxy);
    ImageTransfer transfer =
        new ImageTransfer(
            engine,
            registry::manifestDigest,
            CredentialResolver.anonymous(),
            Backoff.standard(3),
            Sleeper.system(),
            clock,
            EventSink.none());
    StepExecutor executor =
        new StepExecutor(
            host,
            transfer,
            ShellRunner.system(),
            dir.resolve("backups"),
            Duration.ofSeconds(20),
            Duration.ofSeconds(10),
            HttpProbe.system(),
            Sleeper.system(),
            clock,
            EventSink.none());
    return new Deployer(
        new Deployer.Context(
            host,
            transfer,
            registry::manifestDigest,
            executor,
            store.deploys(),
            store.locks(),
            store.audit(),
            List.of(),
            new Identity("it", "localhost", ProcessHandle.current().pid()),
            clock,
            EventSink.none()));
  }

  private static Deployer.Request request(DrayConfig config, String version, boolean force) {
    return new Deployer.Request(
        config, Optional.of(version), force, false, "", Duration.ZERO, Set.of(), Map.of());
  }

  private static DeployReport ran(DeployResult result) {
    assertThat(result).isInstanceOf(DeployResult.Ran.class);
    return ((DeployResult.Ran) result).report();
  }

  private static String get(String path) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body()
        .strip();
  }

  private static void pushVersion(String version, boolean healthy) throws Exception {
    Path ctx = Files.createTempDirectory("dray-deploy-it");
    Files.writeString(
        ctx.resolve("Dockerfile"),
        """
        FROM %s
        RUN mkdir -p /www && echo %s > /www/version %s
        CMD ["httpd", "-f", "-p", "80", "-h", "/www"]
        """
            .formatted(BASE, version, healthy ? "&& echo ok > /www/up" : ""));
    ImageRef ref = REPO.withTag(version);
    engine.build(BuildRequest.builder(ctx).tag(ref.toString()).build(), BuildListener.NONE);
    engine.push(ref, Optional.empty(), ProgressListener.NONE);
  }

  /** A few client threads sending requests through the proxy until closed; counts failures. */
  private static final class Load implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger successes = new AtomicInteger();
    private final List<Thread> threads;

    private Load(int port) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      URI uri = URI.create("http://127.0.0.1:" + port + "/version");
      Runnable loop =
          () -> {
            Instant end = Instant.now().plus(Duration.ofMinutes(3));
            while (running.get() && Instant.now().isBefore(end)) {
              try {
                int status =
                    client
                        .send(
                            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                (status == 200 ? successes : failures).incrementAndGet();
              } catch (IOException e) {
                failures.incrementAndGet();
              } catch (InterruptedException e) {
                return;
              }
            }
          };
      threads =
          List.of(
              Thread.ofPlatform().start(loop),
              Thread.ofPlatform().start(loop),
              Thread.ofPlatform().start(loop));
    }

    static Load start(int port) {
      return new Load(port);
    }

    int failures() {
      return failures.get();
    }

    int successes() {
      return successes.get();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      for (Thread t : threads) {
        t.join();
      }
    }
  }
}
