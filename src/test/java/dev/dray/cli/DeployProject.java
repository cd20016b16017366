package dev.dray.cli;

import dev.dray.deploy.ContainerNames;
import dev.dray.deploy.TestServices;
import dev.dray.engine.ContainerSummary;
import dev.dray.engine.DockerEngine;
import dev.dray.proxy.HaproxyEdgeProxy;
import dev.dray.proxy.ProxySettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A throw-away app for the deploy commands: a directory holding its dray.yml, its own dray home,
 * app name and free proxy port. Closing it removes the app's containers and stops the haproxy
 * started for it (only that one).
 */
final class DeployProject implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String app;
  final int port;
  final Path dir;
  final Path config;
  final Path home;
  private final DockerEngine engine;

  private DeployProject(Path root, DockerEngine engine, String prefix) throws IOException {
    this.app = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    this.port = TestServices.freePort();
    this.dir = Files.createDirectories(root.resolve(app));
    this.config = dir.resolve("dray.yml");
    this.home = Files.createDirectories(root.resolve("h-" + app));
    this.engine = engine;
  }

  /** A new project named {@code prefix-<random>} under {@code root}; write its dray.yml next. */
  static DeployProject create(Path root, DockerEngine engine, String prefix) throws IOException {
    return new DeployProject(root, engine, prefix);
  }

  /**
   * The usual dray.yml: {@code service}, {@code image} and a proxy on this project's port (5s
   * drain), then {@code rest} (services and other keys).
   */
  DeployProject writeConfig(String image, String rest) throws IOException {
    return write(
        "dray.yml",
        """
        service: %s
        image: %s
        servers: [local]
        proxy: {port: %d, bind: 127.0.0.1, drain_timeout: 5s, health_timeout: 20s}
        """
                .formatted(app, image, port)
            + rest);
  }

  /** A web service checked on /up and a worker, as most tests deploy. */
  static String webAndWorker() {
    return """
        services:
          web:
            port: 80
            healthcheck: {path: /up, interval: 250ms, timeout: 1s, retries: 12}
            stop_timeout: 3s
          worker:
            role: worker
            command: [sh, -c, "echo worker up; while true; do sleep 1; done"]
            stop_timeout: 2s
        """;
  }

  DeployProject write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return this;
  }

  /** The environment of a user on this machine: this project's dray home, no colours. */
  Map<String, String> env(String... keyValues) {
    Map<String, String> env = new HashMap<>();
    env.put("CI", "true");
    env.put("NO_COLOR", "1");
    env.put("DRAY_HOME", home.toString());
    env.put("DRAY_USER", "tester");
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    for (int i = 0; i < keyValues.length; i += 2) {
      env.put(keyValues[i], keyValues[i + 1]);
    }
    return env;
  }

  /** Runs {@code dray args… -c dray.yml} in-process with {@link #env()}. */
  CliRun dray(String... args) {
    return dray(env(), args);
  }

  /** Runs {@code dray args… -c dray.yml} in-process with {@code env}. */
  CliRun dray(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("-c");
    all.add(config.toString());
    return CliRun.of(env, all.toArray(String[]::new));
  }

  /** The body of {@code GET path} through the proxy, or the status / error when it failed. */
  String get(String path) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body().strip() : "HTTP " + r.statusCode();
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** The app's containers, running ones only unless {@code includeStopped}. */
  List<ContainerSummary> containers(boolean includeStopped) {
    return engine.listContainers(Map.of(ContainerNames.APP, app), includeStopped);
  }

  /** The app's containers with {@code label=value}, stopped ones included. */
  List<ContainerSummary> containers(String label, String value) {
    return engine.listContainers(Map.of(ContainerNames.APP, app, label, value), true);
  }

  /** The edge proxy of this app, as the CLI sets it up. */
  HaproxyEdgeProxy proxy() {
    return new HaproxyEdgeProxy(ProxySettings.defaults(home.resolve("proxy").resolve(app)));
  }

  @Override
  public void close() {
    try {
      proxy().stop();
    } finally {
      for (ContainerSummary c : containers(true)) {
        engine.removeContainer(c.id(), true);
      }
    }
  }
}
