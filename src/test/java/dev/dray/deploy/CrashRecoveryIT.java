package dev.dray.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.cli.Main;
import dev.dray.engine.ContainerSummary;
import dev.dray.engine.DockerEngine;
import dev.dray.image.ImageRef;
import dev.dray.store.DeployRecord;
import dev.dray.store.DeployStepRecord;
import dev.dray.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of {@code dray deploy}, with the packaged launcher as a separate process: the JVM is
 * killed (SIGKILL) once at every step of a rollout, and each time the next plain {@code dray
 * deploy} repairs what it left and rolls out, while clients keep getting answers from the proxy.
 *
 * <p>Every killed rollout changes the version (v1 → v2, then v2 → v1, …), so each one has the same
 * steps as {@code dray deploy v2 --plan} from v1 and the deploy after it is a real rollout.
 */
class CrashRecoveryIT {
  private static final String TOKEN = UUID.randomUUID().toString().substring(0, 6);
  private static final String APP = "crash-" + TOKEN;
  private static final ImageRef REPO = ImageRef.parse("127.0.0.1:5000/it-crash/web-" + TOKEN);
  private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STEP_WAIT = Duration.ofSeconds(90);

  @TempDir static Path dir;
  private static DockerEngine engine;
  private static VersionImages images;
  private static int port;
  private static Path home;
  private static Path config;
  private static Map<String, String> env;
  private static PackagedDray dray;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void setUp() throws IOException {
    engine = TestServices.engine();
    images = new VersionImages(engine, REPO);
    images.push("v1", true);
    images.push("v2", true);
    port = TestServices.freePort();
    Path project = Files.createDirectories(dir.resolve("project"));
    home = Files.createDirectories(dir.resolve("home"));
    config = project.resolve("dray.yml");
    Files.writeString(
        config,
        """
        service: %s
        image: %s
        servers: [local]
        proxy: {port: %d, bind: 127.0.0.1, drain_timeout: 5s, health_timeout: 20s}
        services:
          web:
            port: 80
            healthcheck: {path: /up, interval: 250ms, timeout: 1s, retries: 20}
            stop_timeout: 3s
          worker:
            role: worker
            command: [sh, -c, "while true; do sleep 1; done"]
            stop_timeout: 2s
        retention: {keep: 2}
        """
            .formatted(APP, REPO.name(), port));
    env =
        Map.of(
            "DRAY_HOME", home.toString(),
            "CI", "true",
            "NO_COLOR", "1",
            "DRAY_USER", "crash-it");
    dray = PackagedDray.in(project, env);
  }

  @AfterAll
  static void tearDown() {
    if (engine != null) {
      TestServices.removeApp(engine, home, APP);
      images.removeLocal();
      engine.close();
    }
  }

  @Test
  void aRolloutKilledAtAnyStepIsRepairedByTheNextDeploy() throws Exception {
    PackagedDray.Result first = dray.run(DEPLOY_TIMEOUT, "deploy", "v1");
    assertThat(first.code()).as(first.transcript()).isZero();
    assertThat(get("/version")).isEqualTo("v1");
    PackagedDray.Result plan = dray.run(DEPLOY_TIMEOUT, "deploy", "v2", "--plan");
    assertThat(plan.code()).as(plan.transcript()).isZero();
    List<String> steps = plan.output().lines().filter(l -> l.matches("\\d+\\. .*")).toList();
    assertThat(steps).as(plan.transcript()).hasSizeGreaterThanOrEqualTo(10);

    SoftAssertions soft = new SoftAssertions();
    List<String> journal = new ArrayList<>();
    String serving = "v1";
    try (Store store = Store.open(home.resolve("dray.db"))) {
      ProxyLoad load = ProxyLoad.start(port, 3, Duration.ofMinutes(20));
      try {
        for (int k = 1; k <= steps.size(); k++) {
          String target = serving.equals("v1") ? "v2" : "v1";
          Killed killed = killAt(store, k, target);
          String what =
              "rollout to "
                  + target
                  + " killed at step "
                  + k
                  + " (in progress: "
                  + killed.inProgress()
                  + ")";
          soft.assertThat(killed.outcome())
              .as("%s: the journal right after the kill", what)
              .isEqualTo(DeployRecord.RUNNING);

          PackagedDray.Result repair = dray.run(DEPLOY_TIMEOUT, "deploy", target);
          String context = what + "\n--- the next 'dray deploy " + target + "' ---\n";
          soft.assertThat(repair.code()).as(context + repair.transcript()).isZero();
          soft.assertThat(repair.output())
              .as(context + "its outcome")
              .contains("deploy of " + APP + " " + target + " succeeded");
          Map<String, List<String>> running = runningByService();
          soft.assertThat(running)
              .as(context + "running containers by service")
              .containsOnlyKeys("web", "worker")
              .allSatisfy(
                  (service, names) ->
                      assertThat(names)
                          .as("running containers of " + service)
                          .singleElement()
                          .asString()
                          .endsWith("(" + target + ")"));
          String answer = get("/version");
          soft.assertThat(answer).as(context + "the proxy answers").isEqualTo(target);
          soft.assertThat(store.deploys().find(killed.id()).map(DeployRecord::outcome))
              .as(context + "the killed rollout's record")
              .contains(DeployRecord.FAILED);
          soft.assertThat(lockStatus()).as(context + "dray lock status").contains("not locked");
          soft.assertThat(
                  engine.listContainers(Map.of(ContainerNames.DEPLOY, killed.id()), true).stream()
                      .map(ContainerSummary::name)
                      .toList())
              .as(context + "containers of the killed rollout")
              .isEmpty();
          journal.add(
              "step "
                  + k
                  + ": killed during "
                  + killed.inProgress()
                  + " → next deploy exit "
                  + repair.code()
                  + ", serves "
                  + answer
                  + ", running "
                  + running);
          serving = answer.equals("v1") || answer.equals("v2") ? answer : target;
        }
      } finally {
        load.close();
      }
      soft.assertThat(load.failures())
          .as("failed requests through the proxy during the whole test: %s", load.samples())
          .isZero();
      soft.assertThat(load.successes()).as("requests answered").isPositive();
    }
    System.out.println("CrashRecoveryIT, what each kill led to:\n" + String.join("\n", journal));
    soft.assertThat(journal).as("what each kill led to").hasSize(steps.size());
    if (!soft.errorsCollected().isEmpty()) {
      soft.fail("what each kill led to:\n" + String.join("\n", journal));
    }
    soft.assertAll();
  }

  /** The killed rollout: its id, the step it was in, and its outcome right after the kill. */
  private record Killed(String id, String inProgress, String outcome) {}

  /**
   * Starts {@code dray deploy target --force}, waits until the journal has step {@code k} STARTED,
   * then SIGKILLs the JVM.
   */
  private static Killed killAt(Store store, int k, String target) throws InterruptedException {
    Set<String> known =
        store.deploys().recent(APP, 1000).stream()
            .map(DeployRecord::id)
            .collect(Collectors.toSet());
    Path log = dray.logFile();
    Process p = dray.start(log, "deploy", target, "--force");
    try {
      Instant deadline = Instant.now().plus(STEP_WAIT);
      while (true) {
        Optional<DeployRecord> d =
            store.deploys().running(APP).stream().filter(r -> !known.contains(r.id())).findFirst();
        if (d.isPresent() && started(store.deploys().steps(d.get().id()), k)) {
          String command = p.info().command().orElse("?");
          assertThat(command).as("bin/dray execs java, so its pid is the JVM's").endsWith("/java");
          p.destroyForcibly();
          assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("the killed JVM exits").isTrue();
          String id = d.get().id();
          return new Killed(
              id,
              inProgress(store.deploys().steps(id)),
              store.deploys().find(id).map(DeployRecord::outcome).orElse("?"));
        }
        if (!p.isAlive()) {
          throw new AssertionError(
              "dray deploy "
                  + target
                  + " --force ended before step "
                  + k
                  + " started:\n"
                  + PackagedDray.read(log));
        }
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError(
              "step " + k + " did not start within " + STEP_WAIT + ":\n" + PackagedDray.read(log));
        }
        Thread.sleep(5);
      }
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }

  private static boolean started(List<DeployStepRecord> journal, int k) {
    return journal.stream()
        .anyMatch(s -> s.step().startsWith(k + ". ") && s.state().equals("STARTED"));
  }

  /** The highest step STARTED and not ended, else the last line of the journal. */
  private static String inProgress(List<DeployStepRecord> journal) {
    Map<String, String> state = new TreeMap<>();
    String last = "(nothing)";
    for (DeployStepRecord s : journal) {
      state.put(s.step(), s.state());
      last = s.step() + " " + s.state();
    }
    return journal.stream()
        .map(DeployStepRecord::step)
        .filter(step -> "STARTED".equals(state.get(step)))
        .reduce((a, b) -> b)
        .orElse("none; last journal line: " + last);
  }

  private static Map<String, List<String>> runningByService() {
    return engine.listContainers(Map.of(ContainerNames.APP, APP), false).stream()
        .collect(
            Collectors.groupingBy(
                c -> c.labels().getOrDefault(ContainerNames.SERVICE, "?"),
                TreeMap::new,
                Collectors.mapping(
                    c -> c.name() + " (" + c.labels().get(ContainerNames.VERSION) + ")",
                    Collectors.toList())));
  }

  private static String lockStatus() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true)) {
      code = Main.commandLine(o, e, env).execute("lock", "status", "-c", config.toString());
    }
    return "exit " + code + ": " + out + err;
  }

  private static String get(String path) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body().strip() : r.statusCode() + " " + r.body().strip();
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
