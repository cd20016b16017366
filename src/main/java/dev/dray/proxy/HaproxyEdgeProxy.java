package dev.dray.proxy;

import dev.dray.events.EventSink;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The edge proxy as a long-lived haproxy daemon driven through its runtime API (see DESIGN §4): new
 * servers join with checks on and out of rotation, one command line moves traffic, the old server
 * drains and is deleted; each change is written to the config file, so haproxy restarted from it
 * serves the current version.
 *
 * <p>Thread-safe; one instance per state directory is expected in a process, and one deploy at a
 * time per state directory (the deploy lock sees to that across processes).
 */
public final class HaproxyEdgeProxy implements EdgeProxy {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SOCKET_WAIT = Duration.ofSeconds(10);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  /** Enough for haproxy to purge a server's idle pooled connections (pool-purge-delay 5s). */
  private static final Duration REMOVE_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration POLL = Duration.ofMillis(25);

  private final ProxySettings settings;
  private final EventSink events;
  private final HaproxyProcess haproxy;
  private final ProxyConfigFile configFile;
  private final RuntimeApi api;
  private final ServerOptions options;
  private final Set<Long> started = new HashSet<>();

  public HaproxyEdgeProxy(ProxySettings settings) {
    this(settings, EventSink.none());
  }

  public HaproxyEdgeProxy(ProxySettings settings, EventSink events) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.events = Objects.requireNonNull(events, "events");
    this.haproxy = new HaproxyProcess(settings);
    this.configFile = new ProxyConfigFile(settings, haproxy);
    this.api = new RuntimeApi(settings.socketFile(), COMMAND_TIMEOUT);
    this.options = new ServerOptions(settings.checkInterval());
  }

  @Override
  public synchronized void ensureRunning(List<Route> routes) {
    if (routes.isEmpty()) {
      throw new IllegalArgumentException("the edge proxy needs at least one route");
    }
    createStateDir();
    Optional<HaproxyConfig> current = configFile.read();
    OptionalLong running = runningPid();
    Map<String, List<Upstream>> servers =
        running.isPresent()
            ? readyServers(runtimeServers(""))
            : current.map(HaproxyConfig::servers).orElse(Map.of());
    HaproxyConfig wanted = HaproxyConfig.of(settings, routes, servers);
    if (running.isPresent()) {
      adoptOrReload(running.getAsLong(), current, wanted);
    } else {
      start(wanted);
    }
  }

  /** Keeps the running haproxy when its routes are the wanted ones, else reloads it. */
  private void adoptOrReload(long pid, Optional<HaproxyConfig> current, HaproxyConfig wanted) {
    if (current.isPresent() && current.get().routes().equals(wanted.routes())) {
      configFile.write(wanted); // at most the servers differ: nothing to reload
      events.emit(new ProxyEvent.ProxyAdopted(Instant.now(), pid));
      return;
    }
    Set<Integer> held = new HashSet<>();
    current.ifPresent(c -> c.routes().forEach(r -> held.add(r.publicPort())));
    wanted.routes().stream()
        .filter(r -> !held.contains(r.publicPort()))
        .forEach(PortProbe::requireFree);
    configFile.write(wanted);
    haproxy.reload(pid);
    long newPid = awaitSocket(pid);
    started.add(newPid);
    events.emit(new ProxyEvent.ProxyReloaded(Instant.now(), pid, newPid));
  }

  /** Starts a new haproxy daemon from {@code wanted}. */
  private void start(HaproxyConfig wanted) {
    OptionalLong silent = haproxy.pidFromFile();
    if (silent.isPresent() && haproxy.isOurs(silent.getAsLong())) {
      throw new ProxyNotRunningException(
          settings.socketFile(),
          "haproxy pid "
              + silent.getAsLong()
              + " runs from this config but does not answer on its admin socket; stop it to let"
              + " dray start a new one");
    }
    wanted.routes().forEach(PortProbe::requireFree);
    configFile.write(wanted);
    haproxy.start();
    long pid = awaitSocket(-1);
    started.add(pid);
    events.emit(new ProxyEvent.ProxyStarted(Instant.now(), pid, configFile.path().toString()));
  }

  @Override
  public synchronized ProxyStatus status() {
    Optional<HaproxyConfig> config = configFile.read();
    List<Route> routes = config.map(HaproxyConfig::routes).orElse(List.of());
    OptionalLong pid = runningPid();
    Map<String, List<ServerState>> servers = new LinkedHashMap<>();
    if (pid.isPresent()) {
      for (Route route : routes) {
        servers.put(route.backend(), servers(route.backend()));
      }
    } else {
      config.ifPresent(c -> c.backends().forEach(b -> servers.put(b.name(), persisted(b))));
    }
    return new ProxyStatus(pid.isPresent(), pid, configFile.path(), routes, servers);
  }

  @Override
  public List<ServerState> servers(String backend) {
    Names.require("backend name", backend);
    Map<String, Integer> sessions = new LinkedHashMap<>();
    for (ServerStats stats : stats(backend)) {
      sessions.put(stats.server(), stats.currentSessions());
    }
    return runtimeServers(backend).stream()
        .map(s -> s.withSessions(sessions.getOrDefault(s.name(), 0)))
        .toList();
  }

  @Override
  public synchronized void addServer(String backend, Upstream upstream) {
    Names.require("backend name", backend);
    Optional<RuntimeServer> existing = find(backend, upstream.server());
    if (existing.isPresent() && existing.get().address().equals(upstream.address())) {
      return;
    }
    String command =
        RuntimeCommands.chain(
            List.of(
                RuntimeCommands.addServer(backend, upstream, options),
                RuntimeCommands.enableHealth(backend, upstream.server())));
    RuntimeCommands.requireSuccess(command, api.execute(command));
    events.emit(
        new ProxyEvent.ServerAdded(Instant.now(), backend, upstream.server(), upstream.address()));
  }

  @Override
  public void awaitHealthy(String backend, String server, Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (true) {
      RuntimeServer state =
          find(backend, server).orElseThrow(() -> new ProxyUnknownServerException(backend, server));
      if (state.healthy(ServerOptions.RISE)) {
        events.emit(
            new ProxyEvent.ServerHealthy(
                Instant.now(), backend, server, Duration.ofNanos(System.nanoTime() - start)));
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new ProxyHealthTimeoutException(backend, server, lastCheck(backend, server), timeout);
      }
      Pause.of(POLL);
    }
  }

  /** The last finished check of a server, read again while one is under way (and has no code). */
  private String lastCheck(String backend, String server) {
    Optional<ServerStats> stats = Optional.empty();
    for (int attempt = 0; attempt < 10; attempt++) {
      stats = stats(backend).stream().filter(s -> s.server().equals(server)).findFirst();
      if (stats.isEmpty() || !stats.get().checkRunning()) {
        break;
      }
      Pause.of(Duration.ofMillis(10));
    }
    return stats.map(ServerStats::lastCheckSummary).orElse("unknown");
  }

  @Override
  public synchronized void switchTo(String backend, String newServer, Optional<String> oldServer) {
    Names.require("backend name", backend);
    requirePresent(backend, newServer);
    oldServer.ifPresent(old -> requirePresent(backend, old));
    List<String> commands = new ArrayList<>();
    commands.add(RuntimeCommands.setState(backend, newServer, "ready"));
    oldServer.ifPresent(old -> commands.add(RuntimeCommands.setState(backend, old, "drain")));
    String command = RuntimeCommands.chain(commands);
    RuntimeCommands.requireSuccess(command, api.execute(command));
    persist(backend);
    events.emit(new ProxyEvent.Switched(Instant.now(), backend, newServer, oldServer));
  }

  @Override
  public boolean awaitDrained(String backend, String server, Duration timeout) {
    Names.require("backend name", backend);
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (true) {
      Optional<ServerStats> stats =
          stats(backend).stream().filter(s -> s.server().equals(server)).findFirst();
      boolean drained = stats.isEmpty() || stats.get().currentSessions() == 0;
      if (drained || System.nanoTime() > deadline) {
        events.emit(
            new ProxyEvent.ServerDrained(
                Instant.now(),
                backend,
                server,
                drained,
                Duration.ofNanos(System.nanoTime() - start)));
        return drained;
      }
      Pause.of(POLL);
    }
  }

  @Override
  public synchronized void removeServer(String backend, String server) {
    Names.require("backend name", backend);
    Names.require("server name", server);
    if (find(backend, server).isPresent()) {
      String maint = RuntimeCommands.setState(backend, server, "maint");
      String delete = RuntimeCommands.delServer(backend, server);
      String command = RuntimeCommands.chain(List.of(maint, delete));
      String answer = api.execute(command);
      long deadline = System.nanoTime() + REMOVE_TIMEOUT.toNanos();
      // del refuses while idle pooled connections remain; maint has haproxy close them at once
      while (!RuntimeCommands.errors(answer).isEmpty() && find(backend, server).isPresent()) {
        if (System.nanoTime() > deadline) {
          RuntimeCommands.requireSuccess(command, answer);
        }
        Pause.of(Duration.ofMillis(20));
        answer = api.execute(delete);
        command = delete;
      }
    }
    persist(backend);
    events.emit(new ProxyEvent.ServerRemoved(Instant.now(), backend, server));
  }

  @Override
  public synchronized void stop() {
    OptionalLong pid = runningPid();
    if (pid.isEmpty()) {
      pid = haproxy.pidFromFile();
      if (pid.isPresent() && !haproxy.isOurs(pid.getAsLong())) {
        pid = OptionalLong.empty();
      }
    }
    pid.ifPresent(
        p -> {
          HaproxyProcess.terminate(p, STOP_GRACE);
          events.emit(new ProxyEvent.ProxyStopped(Instant.now(), p));
        });
    for (long old : started) {
      if (haproxy.isOurs(old)) {
        HaproxyProcess.terminate(old, STOP_GRACE); // a predecessor still finishing after a reload
      }
    }
    started.clear();
    try {
      Files.deleteIfExists(settings.pidFile());
    } catch (IOException e) {
      // a stale pid file is harmless: the admin socket decides what runs
    }
  }

  /** The servers a stopped proxy would serve from its config file. */
  private static List<ServerState> persisted(BackendConfig backend) {
    return backend.servers().stream()
        .map(u -> new ServerState(u.server(), u.address(), ServerState.READY, "UNKNOWN", 0))
        .toList();
  }

  /** The pid of the haproxy answering on the admin socket, if one answers. */
  private OptionalLong runningPid() {
    if (!Files.exists(settings.socketFile())) {
      return OptionalLong.empty();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return infoPid(api.execute(RuntimeCommands.showInfo()));
      } catch (ProxyNotRunningException e) {
        return OptionalLong.empty();
      } catch (ProxyCommandException e) {
        if (attempt == 3) {
          return OptionalLong.empty(); // accepts but never answers: an haproxy on its way out
        }
        Pause.of(Duration.ofMillis(50));
      }
    }
  }

  /** Waits until an haproxy other than {@code oldPid} answers on the socket; returns its pid. */
  private long awaitSocket(long oldPid) {
    long deadline = System.nanoTime() + SOCKET_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      OptionalLong pid = runningPid();
      if (pid.isPresent() && pid.getAsLong() != oldPid) {
        return pid.getAsLong();
      }
      Pause.of(POLL);
    }
    throw new ProxyNotRunningException(
        settings.socketFile(),
        "haproxy started but its admin socket did not answer within "
            + SOCKET_WAIT.toSeconds()
            + " s");
  }

  private static OptionalLong infoPid(String info) {
    return info.lines()
        .filter(l -> l.startsWith("Pid:"))
        .mapToLong(l -> Long.parseLong(l.substring(4).strip()))
        .findFirst();
  }

  /** Writes {@code backend}'s servers in rotation (READY) into the config file. */
  private void persist(String backend) {
    HaproxyConfig config =
        configFile
            .read()
            .orElseThrow(
                () ->
                    new ProxyConfigException(
                        "the proxy config " + configFile.path() + " is missing",
                        "",
                        "run a deploy: it writes the config and starts the proxy"));
    List<Upstream> ready = readyServers(runtimeServers(backend)).getOrDefault(backend, List.of());
    configFile.write(config.withServers(backend, ready));
  }

  private static Map<String, List<Upstream>> readyServers(List<RuntimeServer> servers) {
    Map<String, List<Upstream>> ready = new LinkedHashMap<>();
    for (RuntimeServer server : servers) {
      if (server.adminState().equals(ServerState.READY)) {
        ready
            .computeIfAbsent(server.backend(), b -> new ArrayList<>())
            .add(new Upstream(server.name(), server.address()));
      }
    }
    return ready;
  }

  private void requirePresent(String backend, String server) {
    if (find(backend, server).isEmpty()) {
      throw new ProxyUnknownServerException(backend, server);
    }
  }

  private Optional<RuntimeServer> find(String backend, String server) {
    return runtimeServers(backend).stream().filter(s -> s.name().equals(server)).findFirst();
  }

  /** {@code show servers state} of {@code backend}, or of every backend when it is empty. */
  private List<RuntimeServer> runtimeServers(String backend) {
    String command =
        backend.isEmpty() ? "show servers state" : RuntimeCommands.showServersState(backend);
    String answer = api.execute(command);
    if (!answer.startsWith("1")) {
      throw new ProxyCommandException(command, answer);
    }
    return ServersStateTable.parse(answer);
  }

  private List<ServerStats> stats(String backend) {
    String command = RuntimeCommands.showStat(backend);
    return StatTable.servers(api.execute(command), backend);
  }

  private void createStateDir() {
    try {
      Files.createDirectories(settings.stateDir());
    } catch (IOException e) {
      throw new ProxyConfigException(
          "cannot create the proxy state directory " + settings.stateDir(),
          String.valueOf(e.getMessage()),
          "check its permissions, or choose another state directory");
    }
  }
}
