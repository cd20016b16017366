package dev.dray.dashboard;

import dev.dray.cli.Main;
import dev.dray.deploy.TestServices;
import dev.dray.engine.DockerEngine;
import dev.dray.engine.ImageDetails;
import dev.dray.server.ServerIt;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The app the browser tests deploy through a real {@code dray server}: a Git project whose image,
 * built and pushed by {@code dray build}, serves its version at {@code /version} with busybox
 * httpd; a web service behind HAProxy and a worker, with the project's own dray home (store, proxy
 * state).
 *
 * <p>A version answers its health check ({@code /up}) only once the test {@linkplain #approve
 * approves} it, so a rollout can be watched while it waits for its new container. Closing stops the
 * app's haproxy and removes its containers (only this app's).
 */
final class ShopApp implements AutoCloseable {
  private static final String DOCKERFILE =
      """
      FROM %1$s AS site
      COPY site/ /www/
      RUN ln -s "/gates/$(cat /www/version)" /www/up

      FROM %1$s AS runtime
      COPY --from=site /www /www
      CMD ["httpd", "-f", "-p", "80", "-h", "/www"]
      """
          .formatted(TestServices.BASE);

  private static final String CONFIG =
      """
      service: %s
      image: %s
      servers: [local]
      tags: ["type=raw,value=%s"]
      proxy: {port: %d, bind: 127.0.0.1, drain_timeout: 2s, health_timeout: 60s}
      services:
        web:
          port: 80
          volumes: ["./gates:/gates:ro"]
          healthcheck: {path: /up, interval: 250ms, timeout: 1s, retries: 400}
          stop_timeout: 2s
        worker:
          role: worker
          command: [sh, -c, "while true; do sleep 1; done"]
          stop_timeout: 1s
      """;

  /** The stage cache images {@code dray build} tags besides the version. */
  private static final List<String> TAGS = List.of("cache-site", "cache-runtime");

  final String name;
  final String image;
  final int port;
  final Path dir;
  final Path config;
  final Path home;
  private final Path gates;
  private final DockerEngine engine;
  private final List<String> built = new ArrayList<>();
  private final List<String> builtIds = new ArrayList<>();

  private ShopApp(Path root, DockerEngine engine) throws IOException {
    String id = UUID.randomUUID().toString().substring(0, 4);
    this.name = "shop-" + id;
    this.image = "127.0.0.1:5000/it-s2-dashboard/shop-" + id;
    this.port = TestServices.freePort();
    this.dir = Files.createDirectories(root.resolve(name));
    this.config = dir.resolve("dray.yml");
    this.home = Files.createDirectories(root.resolve("dray-home"));
    this.gates = Files.createDirectories(dir.resolve("gates"));
    this.engine = engine;
  }

  /** A new project under {@code root}, a Git repository with its Dockerfile committed. */
  static ShopApp create(Path root, DockerEngine engine) {
    try {
      ShopApp app = new ShopApp(root, engine);
      Files.writeString(app.dir.resolve("Dockerfile"), DOCKERFILE);
      Files.createDirectories(app.dir.resolve("site"));
      Files.writeString(app.dir.resolve(".gitignore"), "gates/\n");
      app.git("init", "-q", "-b", "main");
      return app;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits {@code version} of the site and runs {@code dray build --push}, tagging it so. */
  void build(String version) {
    try {
      Files.writeString(config, CONFIG.formatted(name, image, version, port));
      Files.writeString(dir.resolve("site/version"), version + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    git("add", "-A");
    git("-c", "user.name=Ana", "-c", "user.email=ana@dray.invalid", "commit", "-q", "-m", version);
    dray("build", "--push", "-c", config.toString());
    built.add(version);
    for (String tag : List.of(version, TAGS.get(0), TAGS.get(1))) {
      engine.inspectImage(image + ":" + tag).map(ImageDetails::id).ifPresent(builtIds::add);
    }
  }

  /** Lets {@code version} pass its health check from now on. */
  void approve(String version) {
    try {
      Files.writeString(gates.resolve(version), "ok\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The environment the project's {@code dray} commands and server run with. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("CI", "true");
    env.put("NO_COLOR", "1");
    env.put("DRAY_HOME", home.toString());
    env.put("DRAY_USER", "ana");
    env.put("DOCKER_CONFIG", home.resolve("docker").toString());
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    return env;
  }

  /** Runs {@code dray args…} in this JVM to its end; fails unless it exits 0. Returns stdout. */
  String dray(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env())
            .execute(args);
    if (code != 0) {
      throw new AssertionError(
          "dray " + String.join(" ", args) + " exited " + code + "\n" + out + "\n" + err);
    }
    return out.toString();
  }

  /** The body of {@code GET path} through the app's proxy, or its status when not 200. */
  String get(String path) {
    HttpResponse<String> r = ServerIt.get(URI.create("http://127.0.0.1:" + port + "/"), path, null);
    return r.statusCode() == 200 ? r.body().strip() : "HTTP " + r.statusCode();
  }

  private void git(String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    try {
      TestServices.removeApp(engine, home, name);
    } finally {
      removeLocalImages();
    }
  }

  /** The local images of the builds, tags first (the registry keeps its copies). */
  private void removeLocalImages() {
    List<String> refs = new ArrayList<>();
    for (String tag : TAGS) {
      refs.add(image + ":" + tag);
    }
    built.forEach(version -> refs.add(image + ":" + version));
    refs.addAll(builtIds);
    for (String ref : refs) {
      try {
        engine.removeImage(ref, false);
      } catch (RuntimeException e) {
        // already gone, or still used: harmless
      }
    }
  }
}
