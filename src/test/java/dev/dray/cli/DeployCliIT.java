package dev.dray.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dray.deploy.ContainerNames;
import dev.dray.deploy.ProxyLoad;
import dev.dray.deploy.TestServices;
import dev.dray.deploy.VersionImages;
import dev.dray.engine.ContainerSummary;
import dev.dray.engine.DockerEngine;
import dev.dray.image.ImageRef;
import dev.dray.store.LockResult;
import dev.dray.store.Store;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy commands as a user runs them, in-process against the real dockerd, registry and
 * haproxy: what they print, what they exit with, what runs and what is on record afterwards.
 */
class DeployCliIT {
  private static final String TOKEN = UUID.randomUUID().toString().substring(0, 8);
  private static final ImageRef REPO = ImageRef.parse("127.0.0.1:5000/it-deploy-cli/web-" + TOKEN);
  private static final String BROKEN = "v9-broken";
  private static DockerEngine engine;
  private static VersionImages images;

  @TempDir Path tmp;
  private final List<DeployProject> projects = new ArrayList<>();

  @BeforeAll
  static void pushVersions() {
    engine = TestServices.engine();
    images = new VersionImages(engine, REPO);
    images.push("v1", true);
    images.push("v2", true);
    images.push("v3", true);
    images.push(BROKEN, false);
  }

  @AfterEach
  void removeProjects() {
    projects.forEach(DeployProject::close);
  }

  @AfterAll
  static void removeImages() {
    if (engine != null) {
      images.removeLocal();
      engine.close();
    }
  }

  private DeployProject project(String rest) throws IOException {
    DeployProject p = DeployProject.create(tmp, engine, "cli");
    projects.add(p);
    return p.writeConfig(REPO.name(), rest);
  }

  @Test
  void deployPrintsItsStepsAndTheOtherCommandsShowWhatRunsAndWhatHappened() throws Exception {
    DeployProject p = project(DeployProject.webAndWorker());

    CliRun first = p.dray("deploy", "v1");
    assertThat(first.code()).as(first.transcript()).isZero();
    assertThat(first.out())
        .as(first.transcript())
        .contains("deploy " + p.app + " v1")
        .containsPattern("(?m)^ ?1\\. pull " + REPO.name() + "@sha256:")
        .containsPattern("(?m)^ ?\\d+\\. health check web ")
        .containsPattern("(?m)^ ?\\d+\\. switch web traffic to " + p.app + "-web-v1-")
        .contains("deploy of " + p.app + " v1 succeeded");
    assertThat(p.get("/version")).isEqualTo("v1");

    CliRun again = p.dray("deploy", "v1");
    assertThat(again.code()).as(again.transcript()).isZero();
    assertThat(again.out()).as(again.transcript()).contains("already running v1", "nothing to do");
    assertThat(p.containers(true)).as("no container started for nothing").hasSize(2);

    CliRun status = p.dray("status");
    assertThat(status.code()).as(status.transcript()).isZero();
    String webName = running(p, "web").name();
    assertThat(status.outLines())
        .as(status.transcript())
        .anySatisfy(l -> assertThat(l).contains("web", "v1", "health ", "restarts 0"))
        .anySatisfy(l -> assertThat(l).contains("worker", "v1", "health "))
        .anySatisfy(l -> assertThat(l).startsWith("proxy").contains("running"))
        .anySatisfy(
            l -> assertThat(l).contains(p.app + "_web", webName, "READY/UP").doesNotContain("|"));

    CliRun logs = p.dray("logs", "web");
    assertThat(logs.code()).as(logs.transcript()).isZero();
    assertThat(logs.out()).as(logs.transcript()).contains(VersionImages.startLine("v1", true));

    CliRun second = p.dray("deploy", "v2");
    assertThat(second.code()).as(second.transcript()).isZero();
    assertThat(second.out())
        .as(second.transcript())
        .containsPattern("(?m)^ ?\\d+\\. drain " + webName)
        .contains("deploy of " + p.app + " v2 succeeded");
    assertThat(p.get("/version")).isEqualTo("v2");

    CliRun releases = p.dray("releases");
    assertThat(releases.code()).as(releases.transcript()).isZero();
    List<String> rows = releases.outLines().stream().skip(1).toList();
    assertThat(releases.outLines().get(0)).contains("ID", "VERSION", "OUTCOME");
    assertThat(rows).as(releases.transcript()).hasSize(2);
    assertThat(rows.get(0)).contains("deploy", " v2 ", "succeeded", "tester");
    assertThat(rows.get(1)).contains("deploy", " v1 ", "succeeded", "tester");

    String id = rows.get(0).substring(0, 8);
    CliRun journal = p.dray("releases", id);
    assertThat(journal.code()).as(journal.transcript()).isZero();
    assertThat(journal.outLines().get(0))
        .as(journal.transcript())
        .startsWith("deploy " + p.app + " v2 by tester at ")
        .endsWith(": SUCCEEDED");
    assertThat(journal.out())
        .as(journal.transcript())
        .containsPattern("STARTED .*1\\. pull ")
        .containsPattern("DONE .*1\\. pull ")
        .containsPattern("DONE .*\\d+\\. switch web traffic from " + webName);
    assertThat(journal.outLines().stream().filter(l -> l.contains(" DONE ")).count())
        .as("every step started is done: " + journal.transcript())
        .isEqualTo(journal.outLines().stream().filter(l -> l.contains(" STARTED ")).count());

    CliRun audit = p.dray("audit");
    assertThat(audit.code()).as(audit.transcript()).isZero();
    List<String> actions = audit.outLines();
    assertThat(actions)
        .as(audit.transcript())
        .anySatisfy(l -> assertThat(l).contains("local  deploy started  v1"))
        .anySatisfy(l -> assertThat(l).contains("local  deploy succeeded  v1"))
        .anySatisfy(l -> assertThat(l).contains("local  deploy succeeded  v2"));
    assertThat(indexOf(actions, "deploy succeeded  v2"))
        .as("newest first: " + audit.transcript())
        .isLessThan(indexOf(actions, "deploy succeeded  v1"));

    String v2Name = running(p, "web").name();
    CliRun proxyStatus = p.dray("proxy", "status");
    assertThat(proxyStatus.code()).as(proxyStatus.transcript()).isZero();
    assertThat(proxyStatus.out())
        .as(proxyStatus.transcript())
        .contains("proxy running", "127.0.0.1:" + p.port + " → " + p.app + "_web")
        .containsPattern(v2Name + " 127\\.0\\.0\\.1:\\d+ READY/UP");
    OptionalLong before = p.proxy().status().pid();

    CliRun reboot = p.dray("proxy", "reboot");
    assertThat(reboot.code()).as(reboot.transcript()).isZero();
    assertThat(reboot.out()).as(reboot.transcript()).contains("proxy running", v2Name);
    assertThat(p.proxy().status().pid()).as("a new haproxy").isPresent().isNotEqualTo(before);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(p.get("/version")).as("after reboot, from its config").isEqualTo("v2"));
  }

  @Test
  void pruneRemovesOlderStoppedContainersButNeverTheRunningOneAndRollbackServesThePrevious()
      throws Exception {
    DeployProject p = project(DeployProject.webAndWorker() + "retention: {keep: 3}\n");
    for (String v : List.of("v1", "v2", "v3")) {
      CliRun run = p.dray("deploy", v);
      assertThat(run.code()).as(run.transcript()).isZero();
    }
    assertThat(p.get("/version")).isEqualTo("v3");
    String runningWeb = running(p, "web").name();
    String runningWorker = running(p, "worker").name();

    CliRun prune = p.dray("prune", "--keep", "1");
    assertThat(prune.code()).as(prune.transcript()).isZero();
    assertThat(prune.outLines())
        .as(prune.transcript())
        .anySatisfy(l -> assertThat(l).startsWith("removed " + p.app + "-web-v1-"))
        .anySatisfy(l -> assertThat(l).startsWith("removed " + p.app + "-worker-v1-"))
        .noneSatisfy(l -> assertThat(l).contains("-v2-"))
        .noneSatisfy(l -> assertThat(l).contains("-v3-"));
    assertThat(p.containers(ContainerNames.VERSION, "v1")).as("v1 pruned").isEmpty();
    assertThat(p.containers(ContainerNames.VERSION, "v2"))
        .as("the newest stopped version stays")
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.state()).isNotEqualTo("running"));
    assertThat(running(p, "web").name()).isEqualTo(runningWeb);
    assertThat(running(p, "worker").name()).isEqualTo(runningWorker);
    assertThat(p.get("/version")).isEqualTo("v3");

    CliRun rollback = p.dray("rollback");
    assertThat(rollback.code()).as(rollback.transcript()).isZero();
    assertThat(rollback.out())
        .as(rollback.transcript())
        .contains("rollback of " + p.app + " v2 succeeded")
        .doesNotContain(" pull ");
    assertThat(p.get("/version")).isEqualTo("v2");
    assertThat(running(p, "web").labels()).containsEntry(ContainerNames.VERSION, "v2");
    assertThat(running(p, "worker").labels()).containsEntry(ContainerNames.VERSION, "v2");
  }

  @Test
  void aVersionThatNeverBecomesHealthyFailsNamingTheStepAndThePreviousKeepsServing()
      throws Exception {
    DeployProject p = project(DeployProject.webAndWorker());
    CliRun first = p.dray("deploy", "v1");
    assertThat(first.code()).as(first.transcript()).isZero();

    CliRun broken;
    try (ProxyLoad load = ProxyLoad.start(p.port, 2, Duration.ofMinutes(2))) {
      broken = p.dray("deploy", BROKEN);
      load.close();
      assertThat(load.failures()).as("failed requests: %s", load.samples()).isZero();
    }
    assertThat(broken.code()).as(broken.transcript()).isEqualTo(1);
    assertThat(broken.out())
        .as(broken.transcript())
        .contains("deploy of " + p.app + " " + BROKEN + " failed at step '")
        .containsPattern(
            "failed at step '\\d+\\. health check web|failed at step 'health check web")
        .contains("rolled back, the previous version keeps serving")
        .contains(p.app + "-web-" + BROKEN)
        .containsPattern(": running, exit code \\d+")
        .contains("last log lines:")
        .contains(VersionImages.startLine(BROKEN, false))
        .contains("GET /up → 404");
    assertThat(p.get("/version")).isEqualTo("v1");
    assertThat(p.containers(ContainerNames.VERSION, BROKEN))
        .as("the broken version's containers are gone")
        .isEmpty();
    assertThat(running(p, "web").labels()).containsEntry(ContainerNames.VERSION, "v1");

    CliRun releases = p.dray("releases");
    assertThat(releases.outLines().get(1))
        .as(releases.transcript())
        .contains(BROKEN, "rolled_back");
  }

  @Test
  void aHeldLockMakesDeployFailNamingTheHolderUntilItIsReleased() throws Exception {
    DeployProject p = project(DeployProject.webAndWorker());
    String holder = "alice@build-box pid 4242";
    try (Store store = Store.open(p.home.resolve("dray.db"))) {
      assertThat(
              store.locks().acquire(p.app, holder, "build-box", 4242, "hotfix 1.2", Instant.now()))
          .isInstanceOf(LockResult.Acquired.class);
    }

    CliRun deploy = p.dray("deploy", "v1");
    assertThat(deploy.code()).as(deploy.transcript()).isEqualTo(1);
    assertThat(deploy.err())
        .as(deploy.transcript())
        .startsWith("error: ")
        .contains(holder, "hotfix 1.2")
        .containsPattern("(?m)^hint: .+");
    assertThat(p.containers(true)).as("nothing started").isEmpty();

    CliRun status = p.dray("lock", "status");
    assertThat(status.code()).as(status.transcript()).isZero();
    assertThat(status.out()).as(status.transcript()).contains("locked by " + holder, "hotfix 1.2");

    CliRun release = p.dray("lock", "release");
    assertThat(release.code()).as(release.transcript()).isZero();
    assertThat(release.out()).as(release.transcript()).contains("lock released", holder);

    CliRun free = p.dray("lock", "status");
    assertThat(free.out()).as(free.transcript()).contains(p.app + ": not locked");
    CliRun audit = p.dray("audit");
    assertThat(audit.out()).as(audit.transcript()).contains("lock released  " + holder);
  }

  @Test
  void aMissingImageTagIsAnErrorNamingTheImageAndChangesNothing() throws Exception {
    DeployProject p = project(DeployProject.webAndWorker());

    CliRun run = p.dray("deploy", "nosuchtag");

    assertThat(run.code()).as(run.transcript()).isEqualTo(1);
    assertThat(run.err())
        .as(run.transcript())
        .startsWith("error: ")
        .contains(REPO.name() + ":nosuchtag")
        .containsPattern("(?m)^hint: .+");
    assertThat(p.containers(true)).as("no container created").isEmpty();
    assertThat(p.proxy().status().running()).as("no proxy started").isFalse();
    assertThat(p.dray("releases").out()).contains("no releases of " + p.app);
  }

  @Test
  void aProxyPortTakenByAnotherListenerIsAnErrorNamingThePortAndNothingStarts() throws Exception {
    DeployProject p = project(DeployProject.webAndWorker());
    CliRun run;
    try (ServerSocket other = new ServerSocket(p.port, 50, InetAddress.getByName("127.0.0.1"))) {
      run = p.dray("deploy", "v1");
    }

    assertThat(run.code()).as(run.transcript()).isEqualTo(1);
    assertThat(run.out() + run.err())
        .as(run.transcript())
        .contains("port " + p.port)
        .contains("already in use");
    assertThat(p.containers(true)).as("no container left behind").isEmpty();
    assertThat(p.proxy().status().running()).as("no proxy started").isFalse();
  }

  @Test
  void aSecretReachesTheContainerButIsNeverPrintedOrStored() throws Exception {
    DeployProject p =
        project(
            """
            services:
              web:
                port: 80
                secrets: [API_TOKEN]
                env: {MODE: test}
                command:
                  - sh
                  - -c
                  - 'echo "$API_TOKEN" | sha256sum | cut -d" " -f1 > /www/token.sha && exec httpd -f -p 80 -h /www'
                healthcheck: {path: /up, interval: 250ms, timeout: 1s, retries: 12}
            """);
    String secret = "tok-" + UUID.randomUUID();

    CliRun unset = p.dray("deploy", "v1");
    assertThat(unset.code()).as(unset.transcript()).isEqualTo(1);
    assertThat(unset.err())
        .as(unset.transcript())
        .contains("error: ", "API_TOKEN")
        .containsPattern("(?m)^hint: .+");
    assertThat(p.containers(true)).as("nothing started without the secret").isEmpty();

    Map<String, String> env = p.env("API_TOKEN", secret);
    List<CliRun> runs = new ArrayList<>();
    CliRun deploy = p.dray(env, "deploy", "v1");
    runs.add(deploy);
    assertThat(deploy.code()).as(deploy.transcript()).isZero();
    assertThat(p.get("/token.sha"))
        .as("the container got the value")
        .isEqualTo(sha256(secret + "\n"));
    runs.add(p.dray(env, "deploy", "v2"));
    runs.add(p.dray(env, "status", "--logs"));
    runs.add(p.dray(env, "releases"));
    runs.add(p.dray(env, "audit"));
    runs.add(p.dray(env, "logs", "web"));
    runs.add(p.dray(env, "deploy", "v2", "--plan"));
    for (CliRun r : runs) {
      assertThat(r.out() + r.err()).as("printed: " + r.transcript()).doesNotContain(secret);
    }
    assertThat(p.get("/version")).isEqualTo("v2");

    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(p.home)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files)
        .as("dray's files")
        .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("dray.db"))
        .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("release.json"));
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      assertThat(contains(bytes, needle)).as("the secret is in " + f).isFalse();
    }
    List<Path> releases =
        files.stream().filter(f -> f.getFileName().toString().equals("release.json")).toList();
    for (Path f : releases) {
      assertThat(Files.readString(f)).as(f.toString()).contains("API_TOKEN", "MODE");
    }
    byte[] db = Files.readAllBytes(p.home.resolve("dray.db"));
    assertThat(contains(db, p.app.getBytes(StandardCharsets.UTF_8)))
        .as("the store holds the app's records (so the search above read the right file)")
        .isTrue();
  }

  private static ContainerSummary running(DeployProject p, String service) {
    List<ContainerSummary> running =
        p.containers(false).stream()
            .filter(c -> service.equals(c.labels().get(ContainerNames.SERVICE)))
            .toList();
    assertThat(running).as("running containers of " + service).hasSize(1);
    return running.get(0);
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static String sha256(String text) throws NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
