package dev.dray.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dray.Secret;
import dev.dray.image.Digest;
import dev.dray.image.ImageRef;
import dev.dray.registry.Manifest;
import dev.dray.registry.RegistryClient;
import dev.dray.registry.RegistryTransport;
import dev.dray.registry.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CNCF registry (Debian's docker-registry) posting notifications to {@link
 * RegistryNotifications}: the test starts its own registry on a free 127.0.0.1 port with dray as a
 * notification endpoint, pushes images into it through {@link RegistryClient}, and measures how
 * long a push takes to become a trigger.
 */
class RegistryNotificationsIT {
  private static final String SECRET = "it-trigger-hook-secret";
  private static final String REPOSITORY = "it-trigger/hello";
  private static final Duration ARRIVAL = Duration.ofSeconds(15);

  @TempDir Path dir;

  private final RecordingQueue queue = new RecordingQueue();
  private final RecordingEvents events = new RecordingEvents();
  private final List<Integer> answered = new CopyOnWriteArrayList<>();
  private HttpServer hooks;
  private Process registry;
  private int registryPort;

  @BeforeEach
  void startRegistryWithDrayAsNotificationEndpoint() throws Exception {
    RegistryNotifications handler =
        new RegistryNotifications(
            List.of(
                new RegistryApp(
                    "hello",
                    List.of(REPOSITORY),
                    new DeployPolicy(
                        "hello", Optional.empty(), Optional.of("^1.4"), List.of(), List.of()),
                    Secret.of(SECRET))),
            queue,
            events,
            Clock.systemUTC());
    hooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hooks.createContext("/hooks/registry", exchange -> forward(exchange, handler));
    hooks.start();

    registryPort = freePort();
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        """
        version: 0.1
        log: {level: info}
        storage:
          filesystem: {rootdirectory: %s}
        http: {addr: 127.0.0.1:%d}
        notifications:
          endpoints:
            - name: dray
              url: http://127.0.0.1:%d/hooks/registry?secret=%s
              timeout: 1s
              threshold: 1
              backoff: 1s
        """
            .formatted(dir.resolve("data"), registryPort, hooks.getAddress().getPort(), SECRET));
    Path log = dir.resolve("registry.log");
    try {
      registry =
          new ProcessBuilder("docker-registry", "serve", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      fail(
          "cannot start docker-registry ("
              + e.getMessage()
              + "). This test needs the CNCF registry binary: run scripts/test-env.sh up, which"
              + " installs Debian's docker-registry package");
    }
    awaitRegistry(log);
  }

  @AfterEach
  void stopTheRegistryThisTestStarted() throws InterruptedException {
    if (registry != null) {
      registry.destroy();
      if (!registry.waitFor(10, TimeUnit.SECONDS)) {
        registry.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (hooks != null) {
      hooks.stop(0);
    }
  }

  @Test
  void aManifestPushedToTheRealRegistryBecomesATriggerWithinSeconds() throws Exception {
    RegistryClient client =
        new RegistryClient(
            RegistryTransport.builder()
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(200)))
                .userAgent("dray-it")
                .build());
    ImageRef repo = ImageRef.parse("127.0.0.1:" + registryPort + "/" + REPOSITORY);
    Manifest manifest = uploadImage(client, repo);
    List<Long> latenciesMicros = new ArrayList<>();

    for (String tag : List.of("1.4.0", "1.4.1", "1.4.2", "1.4.3", "1.4.4")) {
      int before = queue.arrivals().size();
      long pushed = System.nanoTime();
      client.putManifest(repo.withTag(tag), manifest);
      await().atMost(ARRIVAL).until(() -> queue.arrivals().size() > before);
      RecordingQueue.Arrival arrival = queue.arrivals().get(before);
      latenciesMicros.add(TimeUnit.NANOSECONDS.toMicros(arrival.nanoTime() - pushed));
      assertThat(arrival.trigger())
          .isInstanceOfSatisfying(
              Trigger.ImagePushed.class,
              t -> {
                assertThat(t.app()).isEqualTo("hello");
                assertThat(t.version()).isEqualTo(tag);
                assertThat(t.digest()).isEqualTo(manifest.digest());
                assertThat(t.source()).isEqualTo("registry");
              });
    }

    // outside the range, a pull, and a push by digest: no trigger
    client.putManifest(repo.withTag("2.0.0"), manifest);
    client.putManifest(repo.withTag("latest"), manifest);
    assertThat(client.manifestDigest(repo.withTag("1.4.4"))).contains(manifest.digest());
    client.putManifest(repo.withDigest(manifest.digest()), manifest);
    await()
        .atMost(ARRIVAL)
        .untilAsserted(
            () ->
                assertThat(events.of(TriggerEvent.Ignored.class))
                    .extracting(TriggerEvent.Ignored::reason)
                    .contains(
                        "app hello does not follow tag 2.0.0 of " + REPOSITORY,
                        "app hello does not follow tag latest of " + REPOSITORY));

    assertThat(queue.submitted())
        .extracting(Trigger::version)
        .containsExactly("1.4.0", "1.4.1", "1.4.2", "1.4.3", "1.4.4");
    assertThat(answered).isNotEmpty().containsOnly(202);
    assertThat(events.of(TriggerEvent.Refused.class)).isEmpty();
    List<Long> sorted = latenciesMicros.stream().sorted().toList();
    System.out.printf(
        "RegistryNotificationsIT: push→trigger latency over %d pushes (ms): min %.1f, median %.1f,"
            + " max %.1f; all %s µs%n",
        sorted.size(),
        sorted.get(0) / 1000.0,
        sorted.get(sorted.size() / 2) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0,
        latenciesMicros);
    assertThat(sorted.get(sorted.size() - 1)).isLessThan(ARRIVAL.toNanos() / 1000);
  }

  /** Uploads a config and a layer blob; returns a manifest for them (not yet tagged). */
  private static Manifest uploadImage(RegistryClient client, ImageRef repo) throws IOException {
    byte[] content = "hello from the trigger IT\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(content);
    }
    byte[] layer = gz.toByteArray();
    byte[] config =
        """
        {"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["%s"]}}
        """
            .formatted(Manifest.sha256(content))
            .strip()
            .getBytes(StandardCharsets.UTF_8);
    Digest configDigest = client.pushBlob(repo, config);
    Digest layerDigest = client.pushBlob(repo, layer);
    byte[] json =
        """
        {"schemaVersion":2,"mediaType":"%s",\
        "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},\
        "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"%s","size":%d}]}
        """
            .formatted(
                Manifest.OCI_MANIFEST, configDigest, config.length, layerDigest, layer.length)
            .strip()
            .getBytes(StandardCharsets.UTF_8);
    return Manifest.of(json, Manifest.OCI_MANIFEST);
  }

  /** What the server does for the handler: headers, body and query in, the reply out. */
  private void forward(HttpExchange exchange, RegistryNotifications handler) throws IOException {
    Map<String, String> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
    byte[] body = exchange.getRequestBody().readAllBytes();
    HttpReply reply = handler.handle(headers, body, query(exchange.getRequestURI()));
    answered.add(reply.status());
    byte[] json = reply.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }

  private void awaitRegistry(Path log) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    URI ping = URI.create("http://127.0.0.1:" + registryPort + "/v2/");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!registry.isAlive()) {
        fail("docker-registry exited with " + registry.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        int status =
            http.send(HttpRequest.newBuilder(ping).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    fail("docker-registry did not answer on " + ping + " within 20s:\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
