package dev.dray.cli;

import java.io.IOException;
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
 * A throw-away project for the CLI tests: a Git repository with one commit holding dray.yml, a
 * three-stage Dockerfile (deps, builder, runtime) and an app source file, plus its own dray home
 * and Docker config directory so nothing of the machine's leaks in.
 */
final class CliProject {
  static final String BASE = "127.0.0.1:5000/dray/busybox:1";
  static final String SERVICE = "it-cli-app";
  static final List<String> STAGES = List.of("deps", "builder", "runtime");

  final Path dir;
  final Path config;
  final Path drayHome;
  final Path dockerConfig;
  final String token;
  final String image;

  private CliProject(Path root, String registry) throws IOException {
    this.token = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    this.dir = Files.createDirectories(root.resolve("project"));
    this.config = dir.resolve("dray.yml");
    this.drayHome = Files.createDirectories(root.resolve("dray-home"));
    this.dockerConfig = Files.createDirectories(root.resolve("docker-config"));
    this.image = registry + "/it-cli-" + token + "/app";
  }

  /** A committed project whose image lives in {@code registry} (host:port). */
  static CliProject create(Path root, String registry) throws IOException {
    CliProject p = new CliProject(root, registry);
    p.writeConfig("");
    p.writeDockerfile(dockerfile(p.token, "COPY src/ /src/"));
    p.write("src/app.txt", "app version 1\n");
    p.git("init", "-q", "-b", "main");
    p.commit("initial");
    return p;
  }

  /** The Dockerfile: deps writes a file, builder copies the source and runs, runtime copies. */
  static String dockerfile(String token, String builderCopy) {
    return String.join(
        "\n",
        "FROM " + BASE + " AS deps",
        "RUN echo 'deps " + token + "' > /deps.txt",
        "",
        "FROM deps AS builder",
        builderCopy,
        "RUN cat /deps.txt /src/app.txt > /built.txt",
        "",
        "FROM " + BASE + " AS runtime",
        "COPY --from=builder /built.txt /app/built.txt",
        "");
  }

  /** Writes dray.yml: service and image, then {@code extra} YAML lines. */
  void writeConfig(String extra) throws IOException {
    write("dray.yml", "service: " + SERVICE + "\nimage: " + image + "\n" + extra);
  }

  void writeDockerfile(String text) throws IOException {
    write("Dockerfile", text);
  }

  void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Commits everything and returns the new HEAD sha. */
  String commit(String message) {
    git("add", "-A");
    git(
        "-c",
        "user.name=dray it",
        "-c",
        "user.email=it@dray.invalid",
        "commit",
        "-q",
        "-m",
        message);
    return head();
  }

  String head() {
    return git("rev-parse", "HEAD").strip();
  }

  /** The environment a user in CI would have: dray home and Docker config of this project only. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("CI", "true");
    env.put("DRAY_HOME", drayHome.toString());
    env.put("DOCKER_CONFIG", dockerConfig.toString());
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    return env;
  }

  /** {@link #env()} plus {@code key=value} pairs. */
  Map<String, String> env(String... keyValues) {
    Map<String, String> env = env();
    for (int i = 0; i < keyValues.length; i += 2) {
      env.put(keyValues[i], keyValues[i + 1]);
    }
    return env;
  }

  /** Runs {@code dray args… -c dray.yml} with {@code env}. */
  CliRun dray(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("-c");
    all.add(config.toString());
    return CliRun.of(env, all.toArray(String[]::new));
  }

  String git(String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("git " + String.join(" ", args) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new AssertionError("cannot run git (is it installed?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running git", e);
    }
  }
}
