package dev.dray.store;

import static dev.dray.store.Deploys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How every {@link DeployLocks} behaves, whichever database keeps them. */
abstract class DeployLocksContract extends DatabaseTest {
  private static final String HOST = "build-1";
  private static final long ALIVE_PID = ProcessHandle.current().pid();

  private StoreLocation location;
  private Store store;
  private DeployLocks locks;

  @BeforeEach
  void openStore() {
    location = newDatabase();
    store = Store.open(location);
    locks = store.locks();
  }

  @AfterEach
  void closeStore() {
    store.close();
    dropDatabases();
  }

  @Test
  void acquiresAFreeLockAndShowsItsHolder() {
    LockResult result =
        locks.acquire("hello", "alice@build-1", HOST, ALIVE_PID, "deploy 1.4.2", T0);

    DeployLockInfo expected =
        new DeployLockInfo("hello", "alice@build-1", HOST, ALIVE_PID, T0, "deploy 1.4.2");
    assertThat(result).isEqualTo(new LockResult.Acquired(expected));
    assertThat(locks.status("hello")).contains(expected);
  }

  @Test
  void answersHeldWithTheHoldersInfoWhileItIsTaken() {
    locks.acquire("hello", "alice@build-1", HOST, ALIVE_PID, "deploy 1.4.2", T0);

    LockResult second =
        locks.acquire("hello", "bob@build-2", "build-2", 77, "deploy 1.5.0", T0.plusSeconds(5));

    assertThat(second)
        .isEqualTo(
            new LockResult.Held(
                new DeployLockInfo("hello", "alice@build-1", HOST, ALIVE_PID, T0, "deploy 1.4.2"),
                false));
    assertThat(locks.status("hello").orElseThrow().holder()).isEqualTo("alice@build-1");
  }

  @Test
  void isNotReentrant() {
    locks.acquire("hello", "alice", HOST, ALIVE_PID, "", T0);

    assertThat(locks.acquire("hello", "alice", HOST, ALIVE_PID, "", T0))
        .isInstanceOf(LockResult.Held.class);
  }

  @Test
  void keepsOneLockPerApp() {
    assertThat(locks.acquire("hello", "alice", HOST, ALIVE_PID, "", T0))
        .isInstanceOf(LockResult.Acquired.class);
    assertThat(locks.acquire("other", "bob", HOST, ALIVE_PID, "", T0))
        .isInstanceOf(LockResult.Acquired.class);
    assertThat(locks.status("nobody")).isEmpty();
  }

  @Test
  void releasesOnlyTheHoldersOwnLock() {
    locks.acquire("hello", "alice", HOST, ALIVE_PID, "", T0);

    locks.release("hello", "bob");
    assertThat(locks.status("hello").map(DeployLockInfo::holder)).contains("alice");

    locks.release("hello", "alice");
    assertThat(locks.status("hello")).isEmpty();
    assertThat(locks.acquire("hello", "bob", HOST, ALIVE_PID, "", T0))
        .isInstanceOf(LockResult.Acquired.class);
  }

  @Test
  void forceReleasesWhoeverHoldsTheLock() {
    locks.acquire("hello", "alice", HOST, ALIVE_PID, "", T0);
    locks.acquire("other", "alice", HOST, ALIVE_PID, "", T0);

    locks.forceRelease("hello");
    locks.forceRelease("free");

    assertThat(locks.status("hello")).isEmpty();
    assertThat(locks.status("other")).isPresent();
    assertThat(locks.acquire("hello", "bob", HOST, ALIVE_PID, "", T0))
        .isInstanceOf(LockResult.Acquired.class);
  }

  @Test
  void callsALockOfADeadProcessOnThisHostStale() throws Exception {
    long deadPid = pidOfAFinishedProcess();
    locks.acquire("hello", "alice", HOST, deadPid, "deploy", T0);

    LockResult result = locks.acquire("hello", "bob", HOST, ALIVE_PID, "deploy", T0);

    assertThat(result)
        .asInstanceOf(type(LockResult.Held.class))
        .satisfies(
            held -> {
              assertThat(held.stale()).isTrue();
              assertThat(held.lock().pid()).isEqualTo(deadPid);
            });
    assertThat(DeployLocks.isStale(locks.status("hello").orElseThrow(), HOST)).isTrue();
    assertThat(locks.status("hello").map(DeployLockInfo::holder))
        .as("a stale lock is reported, not taken over")
        .contains("alice");
  }

  @Test
  void neverCallsALockOfALiveProcessOrOfAnotherHostStale() throws Exception {
    long deadPid = pidOfAFinishedProcess();
    locks.acquire("alive", "alice", HOST, ALIVE_PID, "", T0);
    locks.acquire("elsewhere", "alice", "build-9", deadPid, "", T0);

    assertThat(locks.acquire("alive", "bob", HOST, ALIVE_PID, "", T0))
        .isEqualTo(new LockResult.Held(locks.status("alive").orElseThrow(), false));
    assertThat(locks.acquire("elsewhere", "bob", HOST, ALIVE_PID, "", T0))
        .isEqualTo(new LockResult.Held(locks.status("elsewhere").orElseThrow(), false));
    assertThat(DeployLocks.isStale(locks.status("elsewhere").orElseThrow(), "build-9")).isTrue();
  }

  @Test
  void letsExactlyOneOfTwoThreadsRacingForALockAcquireIt() throws Exception {
    int rounds = 50;
    try (Store first = Store.open(location);
        Store second = Store.open(location);
        ExecutorService pool = Executors.newFixedThreadPool(2)) {
      CyclicBarrier barrier = new CyclicBarrier(2);
      List<Future<List<LockResult>>> racers = new ArrayList<>();
      for (Store racing : List.of(first, second)) {
        String holder = racing == first ? "first" : "second";
        racers.add(
            pool.submit(
                () -> {
                  List<LockResult> results = new ArrayList<>();
                  for (int i = 0; i < rounds; i++) {
                    barrier.await(30, TimeUnit.SECONDS);
                    results.add(
                        racing
                            .locks()
                            .acquire("race-" + i, holder, HOST, ALIVE_PID, "", Instant.now()));
                  }
                  return results;
                }));
      }
      List<LockResult> a = racers.get(0).get(60, TimeUnit.SECONDS);
      List<LockResult> b = racers.get(1).get(60, TimeUnit.SECONDS);

      for (int i = 0; i < rounds; i++) {
        List<LockResult> round = List.of(a.get(i), b.get(i));
        assertThat(round)
            .as("round %d", i)
            .filteredOn(r -> r instanceof LockResult.Acquired)
            .hasSize(1);
        String winner =
            round.stream()
                .filter(r -> r instanceof LockResult.Acquired)
                .findFirst()
                .orElseThrow()
                .lock()
                .holder();
        assertThat(round)
            .as("round %d", i)
            .allSatisfy(r -> assertThat(r.lock().holder()).isEqualTo(winner));
        assertThat(locks.status("race-" + i).map(DeployLockInfo::holder)).contains(winner);
      }
    }
  }

  @Test
  void letsExactlyOneOfTwoProcessesRacingForALockAcquireIt() throws Exception {
    Path go = dir.resolve("go");
    int rounds = 30;
    Process p1 = startLockingProcess(location, "p1", go, rounds);
    Process p2 = startLockingProcess(location, "p2", go, rounds);
    try {
      BufferedReader out1 = reader(p1);
      BufferedReader out2 = reader(p2);
      awaitReady(out1, "p1");
      awaitReady(out2, "p2");
      Files.createFile(go);

      List<String> output1 = out1.lines().toList();
      List<String> output2 = out2.lines().toList();
      List<String> lines1 = output1.stream().filter(l -> l.startsWith("race-")).toList();
      List<String> lines2 = output2.stream().filter(l -> l.startsWith("race-")).toList();
      assertThat(p1.waitFor(60, TimeUnit.SECONDS)).as("p1 finished").isTrue();
      assertThat(p2.waitFor(60, TimeUnit.SECONDS)).as("p2 finished").isTrue();
      assertThat(p1.exitValue()).as("exit code of p1, which printed %s", output1).isZero();
      assertThat(p2.exitValue()).as("exit code of p2, which printed %s", output2).isZero();

      Map<String, List<String>> acquiredBy = new HashMap<>();
      for (String line : lines1) {
        record(acquiredBy, line, "p1");
      }
      for (String line : lines2) {
        record(acquiredBy, line, "p2");
      }
      assertThat(lines1).hasSize(rounds);
      assertThat(lines2).hasSize(rounds);
      for (int i = 0; i < rounds; i++) {
        String app = "race-" + i;
        assertThat(acquiredBy.getOrDefault(app, List.of())).as(app).hasSize(1);
        assertThat(locks.status(app).map(DeployLockInfo::holder))
            .as(app)
            .contains(acquiredBy.get(app).getFirst());
      }
    } finally {
      p1.destroyForcibly();
      p2.destroyForcibly();
    }
  }

  /** Reads {@code process}'s output up to its line {@code ready}, failing with what it printed. */
  private static void awaitReady(BufferedReader output, String process) throws Exception {
    List<String> before = new ArrayList<>();
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.equals("ready")) {
        return;
      }
      before.add(line);
    }
    throw new AssertionError(process + " ended before it was ready; it printed " + before);
  }

  private static void record(Map<String, List<String>> acquiredBy, String line, String process) {
    String[] parts = line.split(" ");
    assertThat(parts).as("line from %s: %s", process, line).hasSize(2);
    assertThat(parts[1]).as("line from %s: %s", process, line).isIn("Acquired", "Held");
    if (parts[1].equals("Acquired")) {
      acquiredBy.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(process);
    }
  }

  /** The pid of a child process that has exited and been reaped: surely not alive. */
  private static long pidOfAFinishedProcess() throws Exception {
    Process process =
        new ProcessBuilder(javaBinary(), "-version").redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long pid = process.pid();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    return pid;
  }

  private static Process startLockingProcess(
      StoreLocation location, String holder, Path go, int rounds) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    String sqliteTmp = System.getProperty("org.sqlite.tmpdir");
    if (sqliteTmp != null) {
      command.add("-Dorg.sqlite.tmpdir=" + sqliteTmp);
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            LockingProcess.class.getName(),
            location.jdbcUrl(),
            holder,
            go.toString(),
            Integer.toString(rounds)));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
