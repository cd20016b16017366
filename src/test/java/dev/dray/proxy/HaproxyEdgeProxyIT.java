package dev.dray.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dray.events.Event;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge proxy against the real haproxy (Debian's 2.6) and two tiny HTTP upstreams on 127.0.0.1.
 * Each test runs its own haproxy on its own state directory and free port, and stops only that one.
 */
class HaproxyEdgeProxyIT {
  private static final String BACKEND = "it_web";
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path stateDir;

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private HaproxyEdgeProxy proxy;
  private Route route;
  private TestUpstream v1;
  private TestUpstream v2;

  @BeforeAll
  static void requireHaproxy() {
    try {
      Process version = new ProcessBuilder("haproxy", "-v").redirectErrorStream(true).start();
      String output = new String(version.getInputStream().readAllBytes());
      if (!version.waitFor(10, TimeUnit.SECONDS) || version.exitValue() != 0) {
        throw new AssertionError("`haproxy -v` failed: " + output);
      }
    } catch (IOException e) {
      throw new AssertionError(
          "haproxy is not installed: run scripts/test-env.sh up (Debian package haproxy)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    proxy = new HaproxyEdgeProxy(ProxySettings.defaults(stateDir), events::add);
    route = new Route(BACKEND, "127.0.0.1", freePort(), Optional.of("/up"));
    v1 = upstream(TestUpstream.healthy("v1"));
    v2 = upstream(TestUpstream.healthy("v2"));
  }

  @AfterEach
  void tearDown() throws Exception {
    proxy.stop();
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
  }

  @Test
  void bootsADaemonIndependentOfThisJvmAndRoutesToTheFirstServer() throws Exception {
    bootWith("web-1", v1);

    long pid = proxy.status().pid().orElseThrow();
    ProcessHandle haproxy = ProcessHandle.of(pid).orElseThrow();
    assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(haproxy.parent().map(ProcessHandle::pid))
        .isNotEqualTo(Optional.of(ProcessHandle.current().pid()));
    assertThat(sessionId(pid)).isNotEqualTo(sessionId(ProcessHandle.current().pid()));
    assertThat(haproxy.isAlive()).isTrue();
    assertThat(environmentNames(pid))
        .as("the daemon keeps none of this JVM's environment but PATH")
        .doesNotContainAnyElementsOf(
            System.getenv().keySet().stream().filter(k -> !k.equals("PATH")).toList());
    assertThat(get("/").body()).isEqualTo("v1");
    assertThat(proxy.servers(BACKEND))
        .extracting(ServerState::server, ServerState::address, ServerState::adminState)
        .containsExactly(tuple("web-1", v1.address(), "READY"));
    assertThat(state("web-1").isUp()).isTrue();
    assertThat(Files.readString(stateDir.resolve("haproxy.cfg")))
        .contains("    server web-1 " + v1.address() + " check inter 250ms");
  }

  @Test
  void keepsANewServerOutOfRotationUntilTheSwitchThenMovesAllTraffic() throws Exception {
    bootWith("web-1", v1);

    long added = System.nanoTime();
    proxy.addServer(BACKEND, v2.as("web-2"));
    assertThat(bodies(20)).containsOnly("v1");
    proxy.awaitHealthy(BACKEND, "web-2", HEALTH_TIMEOUT);
    long healthyMillis = (System.nanoTime() - added) / 1_000_000;
    assertThat(bodies(20)).containsOnly("v1");
    assertThat(state("web-2").adminState()).isEqualTo("MAINT");

    long switching = System.nanoTime();
    proxy.switchTo(BACKEND, "web-2", Optional.of("web-1"));
    long switchMillis = (System.nanoTime() - switching) / 1_000_000;
    assertThat(bodies(20)).containsOnly("v2");
    assertThat(state("web-1").adminState()).isEqualTo("DRAIN");
    assertThat(proxy.awaitDrained(BACKEND, "web-1", Duration.ofSeconds(5))).isTrue();

    long removing = System.nanoTime();
    proxy.removeServer(BACKEND, "web-1");
    long removeMillis = (System.nanoTime() - removing) / 1_000_000;
    proxy.removeServer(BACKEND, "web-1"); // absent: fine

    assertThat(proxy.servers(BACKEND)).extracting(ServerState::server).containsExactly("web-2");
    String config = Files.readString(stateDir.resolve("haproxy.cfg"));
    assertThat(config).contains("server web-2 " + v2.address()).doesNotContain("web-1");
    assertThat(events)
        .hasAtLeastOneElementOfType(ProxyEvent.ServerHealthy.class)
        .hasAtLeastOneElementOfType(ProxyEvent.Switched.class)
        .hasAtLeastOneElementOfType(ProxyEvent.ServerRemoved.class);
    System.out.printf(
        "[proxy IT] addServer→healthy %d ms, switch command %d ms, drain+remove %d ms%n",
        healthyMillis, switchMillis, removeMillis);
  }

  @Test
  void letsAnInFlightRequestFinishOnTheOldServerAndWaitsForItToDrain() throws Exception {
    bootWith("web-1", v1);
    proxy.addServer(BACKEND, v2.as("web-2"));
    proxy.awaitHealthy(BACKEND, "web-2", HEALTH_TIMEOUT);
    CompletableFuture<KeepAliveClient.Response> slow =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return get("/slow");
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    awaitSessions("web-1", 1);

    proxy.switchTo(BACKEND, "web-2", Optional.of("web-1"));
    assertThat(get("/").body()).isEqualTo("v2");
    assertThat(proxy.awaitDrained(BACKEND, "web-1", Duration.ofMillis(200))).isFalse();
    long draining = System.nanoTime();
    assertThat(proxy.awaitDrained(BACKEND, "web-1", Duration.ofSeconds(10))).isTrue();
    long drainedAfter = (System.nanoTime() - draining) / 1_000_000;

    assertThat(slow.get(5, TimeUnit.SECONDS))
        .isEqualTo(new KeepAliveClient.Response(200, "v1", false));
    assertThat(drainedAfter).isGreaterThan(1_000);
  }

  @Test
  void refusesAServerWhoseChecksFailAndKeepsServingTheOldOne() throws Exception {
    bootWith("web-1", v1);
    TestUpstream broken = upstream(TestUpstream.unhealthy("v3"));
    proxy.addServer(BACKEND, broken.as("web-3"));

    assertThatThrownBy(() -> proxy.awaitHealthy(BACKEND, "web-3", Duration.ofSeconds(2)))
        .isInstanceOfSatisfying(
            ProxyHealthTimeoutException.class,
            e -> {
              assertThat(e.server()).isEqualTo("web-3");
              assertThat(e.lastStatus()).contains("L7STS").contains("503");
              assertThat(e.hint()).isPresent();
            });
    assertThat(bodies(20)).containsOnly("v1");
    proxy.removeServer(BACKEND, "web-3");
    assertThat(proxy.servers(BACKEND)).extracting(ServerState::server).containsExactly("web-1");
  }

  @Test
  void acceptsAHealthPathSlowerThanTheCheckInterval() throws Exception {
    bootWith("web-1", v1);
    TestUpstream slow = upstream(TestUpstream.slowToCheck("v3", 400));

    proxy.addServer(BACKEND, slow.as("web-3"));
    proxy.awaitHealthy(BACKEND, "web-3", HEALTH_TIMEOUT);
    proxy.switchTo(BACKEND, "web-3", Optional.of("web-1"));

    assertThat(bodies(5)).containsOnly("v3");
  }

  @Test
  void restartedFromItsConfigFileServesTheCurrentVersion() throws Exception {
    bootWith("web-1", v1);
    switchFrom("web-1", "web-2", v2);
    long before = proxy.status().pid().orElseThrow();

    proxy.stop();
    assertThat(proxy.status().running()).isFalse();
    assertThat(proxy.status().servers().get(BACKEND))
        .containsExactly(new ServerState("web-2", v2.address(), "READY", "UNKNOWN", 0));
    proxy.ensureRunning(List.of(route));

    assertThat(proxy.status().pid().orElseThrow()).isNotEqualTo(before);
    assertThat(bodies(10)).containsOnly("v2");
    assertThat(proxy.servers(BACKEND)).extracting(ServerState::server).containsExactly("web-2");
  }

  @Test
  void startsAfreshFromItsConfigFileAfterItsHaproxyWasKilled() throws Exception {
    bootWith("web-1", v1);
    switchFrom("web-1", "web-2", v2);
    long killed = proxy.status().pid().orElseThrow();
    ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // the haproxy this test started
    awaitExit(killed);
    assertThatThrownBy(() -> proxy.servers(BACKEND)).isInstanceOf(ProxyNotRunningException.class);

    proxy.ensureRunning(List.of(route));

    assertThat(events).hasAtLeastOneElementOfType(ProxyEvent.ProxyStarted.class);
    assertThat(proxy.status().pid().orElseThrow()).isNotEqualTo(killed);
    assertThat(bodies(10)).containsOnly("v2");
  }

  @Test
  void adoptsTheRunningProxyInsteadOfStartingASecondOne() throws Exception {
    bootWith("web-1", v1);
    long pid = proxy.status().pid().orElseThrow();

    HaproxyEdgeProxy again = new HaproxyEdgeProxy(ProxySettings.defaults(stateDir), events::add);
    again.ensureRunning(List.of(route));

    assertThat(again.status().pid()).hasValue(pid);
    assertThat(haproxyProcessesOf(stateDir)).containsExactly(pid);
    assertThat(events).hasAtLeastOneElementOfType(ProxyEvent.ProxyAdopted.class);
    assertThat(get("/").body()).isEqualTo("v1");
  }

  @Test
  void reloadsForANewRouteKeepingTheServersInRotation() throws Exception {
    bootWith("web-1", v1);
    long oldPid = proxy.status().pid().orElseThrow();
    Route api = new Route("it_api", "127.0.0.1", freePort(), Optional.empty());

    proxy.ensureRunning(List.of(route, api));
    proxy.addServer("it_api", v2.as("api-1"));
    proxy.awaitHealthy("it_api", "api-1", HEALTH_TIMEOUT);
    proxy.switchTo("it_api", "api-1", Optional.empty());

    assertThat(proxy.status().pid().orElseThrow()).isNotEqualTo(oldPid);
    assertThat(get("/").body()).isEqualTo("v1");
    assertThat(KeepAliveClient.get(api.publicPort(), "/").body()).isEqualTo("v2");
    assertThat(events).hasAtLeastOneElementOfType(ProxyEvent.ProxyReloaded.class);
    awaitExit(oldPid);
  }

  @Test
  void refusesAPublicPortAnotherProcessHolds() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Route busy = new Route(BACKEND, "127.0.0.1", taken.getLocalPort(), Optional.empty());

      assertThatThrownBy(() -> proxy.ensureRunning(List.of(busy)))
          .isInstanceOfSatisfying(
              ProxyPortInUseException.class,
              e -> {
                assertThat(e.port()).isEqualTo(taken.getLocalPort());
                assertThat(e.getMessage()).contains("port " + taken.getLocalPort());
              });
    }
    assertThat(proxy.status().running()).isFalse();
    assertThat(haproxyProcessesOf(stateDir)).isEmpty();
  }

  @Test
  void dropsNoRequestOnKeepAliveConnectionsDuringThreeSwitches() throws Exception {
    bootWith("web-1", v1);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger requests = new AtomicInteger();
    List<String> failures = new CopyOnWriteArrayList<>();
    List<String> seen = new CopyOnWriteArrayList<>();
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      clients.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (KeepAliveClient client = new KeepAliveClient(route.publicPort())) {
                      for (int n = 0; n < 200_000 && running.get(); n++) {
                        requests.incrementAndGet();
                        try {
                          KeepAliveClient.Response response = client.send("/");
                          if (response.status() != 200) {
                            failures.add(response.status() + " " + response.body());
                          } else if (!seen.contains(response.body())) {
                            seen.add(response.body());
                          }
                        } catch (IOException e) {
                          failures.add(e.toString());
                        }
                      }
                    }
                  }));
    }

    List<String> timings = new ArrayList<>();
    timings.add(switchFrom("web-1", "web-2", v2));
    timings.add(switchFrom("web-2", "web-3", v1));
    timings.add(switchFrom("web-3", "web-4", v2));
    running.set(false);
    for (Thread client : clients) {
      client.join(30_000);
    }

    assertThat(failures).isEmpty();
    assertThat(requests.get()).isGreaterThan(100);
    assertThat(seen).contains("v1", "v2");
    assertThat(get("/").body()).isEqualTo("v2");
    System.out.printf(
        "[proxy IT] %d requests on 4 keep-alive connections during 3 switches, 0 failed; %s%n",
        requests.get(), timings);
  }

  /** Starts the proxy and puts {@code upstream} in rotation as the first server. */
  private void bootWith(String server, TestUpstream upstream) {
    proxy.ensureRunning(List.of(route));
    proxy.addServer(BACKEND, upstream.as(server));
    proxy.awaitHealthy(BACKEND, server, HEALTH_TIMEOUT);
    proxy.switchTo(BACKEND, server, Optional.empty());
  }

  /**
   * The whole zero-downtime sequence from {@code oldServer} to a new server on {@code next};
   * returns how long its steps took.
   */
  private String switchFrom(String oldServer, String newServer, TestUpstream next) {
    long start = System.nanoTime();
    proxy.addServer(BACKEND, next.as(newServer));
    proxy.awaitHealthy(BACKEND, newServer, HEALTH_TIMEOUT);
    long healthy = System.nanoTime();
    proxy.switchTo(BACKEND, newServer, Optional.of(oldServer));
    long switched = System.nanoTime();
    assertThat(proxy.awaitDrained(BACKEND, oldServer, Duration.ofSeconds(10))).isTrue();
    long drained = System.nanoTime();
    proxy.removeServer(BACKEND, oldServer);
    long removed = System.nanoTime();
    return "healthy %d ms, switch %d ms, drain %d ms, remove %d ms"
        .formatted(
            (healthy - start) / 1_000_000,
            (switched - healthy) / 1_000_000,
            (drained - switched) / 1_000_000,
            (removed - drained) / 1_000_000);
  }

  private KeepAliveClient.Response get(String path) throws IOException {
    return KeepAliveClient.get(route.publicPort(), path);
  }

  private List<String> bodies(int count) throws IOException {
    List<String> bodies = new ArrayList<>();
    try (KeepAliveClient client = new KeepAliveClient(route.publicPort())) {
      for (int i = 0; i < count; i++) {
        KeepAliveClient.Response response = client.send("/");
        assertThat(response.status()).isEqualTo(200);
        bodies.add(response.body());
      }
    }
    return bodies;
  }

  private ServerState state(String server) {
    return proxy.servers(BACKEND).stream()
        .filter(s -> s.server().equals(server))
        .findFirst()
        .orElseThrow();
  }

  private void awaitSessions(String server, int sessions) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (state(server).currentSessions() < sessions) {
      assertThat(System.nanoTime())
          .as("%s reached %d sessions", server, sessions)
          .isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private TestUpstream upstream(TestUpstream upstream) {
    closeables.add(upstream);
    return upstream;
  }

  private static void awaitExit(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (HaproxyProcess.isAlive(pid)) {
      assertThat(System.nanoTime()).as("old haproxy %d exits", pid).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** The live haproxy processes whose command line names this test's config file. */
  private static List<Long> haproxyProcessesOf(Path stateDir) {
    String config = stateDir.resolve("haproxy.cfg").toString();
    return ProcessHandle.allProcesses()
        .filter(p -> HaproxyProcess.isAlive(p.pid()))
        .filter(p -> p.info().arguments().map(args -> List.of(args).contains(config)).orElse(false))
        .map(ProcessHandle::pid)
        .toList();
  }

  /** The names of the environment variables of a process. */
  private static List<String> environmentNames(long pid) throws IOException {
    String environ = Files.readString(Path.of("/proc", Long.toString(pid), "environ"));
    return List.of(environ.split("\0")).stream()
        .filter(v -> v.contains("="))
        .map(v -> v.substring(0, v.indexOf('=')))
        .toList();
  }

  /** The session id of a process (field 6 of /proc/&lt;pid&gt;/stat). */
  private static long sessionId(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[3]);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
