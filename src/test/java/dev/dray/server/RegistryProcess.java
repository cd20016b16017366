package dev.dray.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CNCF registry (Debian's {@code docker-registry}) of the test's own on a free 127.0.0.1 port,
 * optionally posting notifications to one endpoint; every request it answered is read back from its
 * log, so a test can count requests by method and client.
 */
final class RegistryProcess implements AutoCloseable {
  private static final Pattern COMPLETED = Pattern.compile("msg=\"response completed");
  private static final Pattern TIME = Pattern.compile("time=\"([^\"]+)\"");
  private static final Pattern METHOD = Pattern.compile("http\\.request\\.method=(\\S+)");
  private static final Pattern URI_FIELD =
      Pattern.compile("http\\.request\\.uri=(\"[^\"]*\"|\\S+)");
  private static final Pattern AGENT =
      Pattern.compile("http\\.request\\.useragent=(\"[^\"]*\"|\\S+)");
  private static final Pattern STATUS = Pattern.compile("http\\.response\\.status=(\\d+)");

  /** The user agent of the check whether the registry is up, whose requests are not reported. */
  private static final String READY_CHECK = "dray-it-ready-check";

  /** One request the registry answered, as its log has it. */
  record Request(Instant at, String method, String path, int status, String userAgent) {
    /** Whether it asked for the manifest of {@code repository:tag}. */
    boolean isManifestOf(String repository, String tag) {
      return path.equals("/v2/" + repository + "/manifests/" + tag);
    }

    /** Whether dray's own registry client sent it (its user agent is {@code dray/<version>}). */
    boolean fromDray() {
      return userAgent.startsWith("dray/");
    }
  }

  private final Process process;
  private final Path log;
  private final int port;

  private RegistryProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts a registry storing under {@code dir}; with {@code notify}, it posts notifications to
   * that URL (1 s timeout, retried every second).
   */
  static RegistryProcess start(Path dir, Optional<String> notify) throws IOException {
    int port = freePort();
    String notifications =
        notify
            .map(
                url ->
                    """
                    notifications:
                      endpoints:
                        - name: dray
                          url: %s
                          timeout: 1s
                          threshold: 1
                          backoff: 1s
                    """
                        .formatted(url))
            .orElse("");
    Path config =
        Files.writeString(
            dir.resolve("registry.yml"),
            """
            version: 0.1
            log: {level: info}
            storage:
              filesystem: {rootdirectory: %s}
            http: {addr: 127.0.0.1:%d}
            """
                    .formatted(dir.resolve("data"), port)
                + notifications);
    Path log = dir.resolve("registry.log");
    Process process;
    try {
      process =
          new ProcessBuilder("docker-registry", "serve", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "cannot start docker-registry ("
              + e.getMessage()
              + "): run scripts/test-env.sh up, which installs Debian's docker-registry package",
          e);
    }
    RegistryProcess registry = new RegistryProcess(process, log, port);
    registry.awaitReady();
    return registry;
  }

  /** {@code 127.0.0.1:<port>}, the registry part of image names in it. */
  String host() {
    return "127.0.0.1:" + port;
  }

  /** Every request answered so far but the start-up check's, oldest first. */
  List<Request> requests() {
    List<String> lines;
    try {
      lines = Files.readAllLines(log);
    } catch (IOException e) {
      throw new AssertionError("cannot read the registry log " + log, e);
    }
    List<Request> out = new ArrayList<>();
    for (String line : lines) {
      if (COMPLETED.matcher(line).find()) {
        Request r =
            new Request(
                Instant.parse(field(TIME, line)),
                field(METHOD, line),
                unquote(field(URI_FIELD, line)),
                Integer.parseInt(field(STATUS, line)),
                unquote(field(AGENT, line)));
        if (!r.userAgent().equals(READY_CHECK)) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** The registry's log, for failure messages. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    URI ping = URI.create("http://" + host() + "/v2/");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "docker-registry exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(ping).header("User-Agent", READY_CHECK).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    close();
    throw new AssertionError("docker-registry did not answer on " + ping + " in 20s:\n" + log());
  }

  private static String field(Pattern pattern, String line) {
    Matcher m = pattern.matcher(line);
    if (!m.find()) {
      throw new AssertionError("unexpected registry log line (" + pattern + "): " + line);
    }
    return m.group(1);
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
