package dev.dray.cli;

import dev.dray.Secret;
import dev.dray.build.BuildEvent;
import dev.dray.build.BuildReport;
import dev.dray.config.ConfigLoader;
import dev.dray.config.ConfigNotFoundException;
import dev.dray.config.DrayConfig;
import dev.dray.deploy.DeployEvent;
import dev.dray.deploy.DeployReport;
import dev.dray.engine.DockerEngine;
import dev.dray.events.EventSink;
import dev.dray.server.DeployerRollouts;
import dev.dray.server.DrayServer;
import dev.dray.server.EventHub;
import dev.dray.server.ServedApp;
import dev.dray.server.TokenAuthority;
import dev.dray.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dray server}: runs the REST API, dashboard, webhooks and {@code /metrics} until SIGTERM or
 * SIGINT, rolling out the apps of the given dray.yml files on request. {@code dray server token}
 * replaces the API token.
 */
@Command(
    name = "server",
    description =
        "Run dray server (API, dashboard, webhooks, /metrics) until stopped; 'server token' makes"
            + " a new API token.",
    subcommands = {ServerCommand.Token.class})
final class ServerCommand implements Callable<Integer> {
  /** How long a stopping server waits for a rollout under way to end. */
  static final Duration ROLLOUT_GRACE = Duration.ofSeconds(60);

  /**
   * How long a queued rollout waits for a deploy lock held by another process (such as a {@code
   * dray deploy} run by hand); the server's own rollouts never race for it: one queue runs them,
   * one per app at a time.
   */
  static final Duration LOCK_WAIT = Duration.ofMinutes(10);

  private final Map<String, String> env;

  @Spec CommandSpec spec;

  @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port = 7070;

  @Option(
      names = "--bind",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every one).")
  String bind = "127.0.0.1";

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "dray.yml of an app to serve; repeat for several (default: dray.yml in the current"
              + " directory, if any).")
  List<Path> configs = new ArrayList<>();

  @Option(
      names = "--store",
      paramLabel = "URL",
      description =
          "The store: a jdbc:postgresql://… URL or an SQLite file (default: $DRAY_STORE, else"
              + " dray.db under $DRAY_HOME).")
  String store;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  ServerCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<DrayConfig> apps = configs();
    Store db = openStore(store, env);
    DockerEngine engine = null;
    TriggerWiring triggers = null;
    DrayServer server;
    AtomicReference<Secret> newToken = new AtomicReference<>();
    try {
      EventHub hub = new EventHub();
      engine = apps.isEmpty() ? null : Wiring.engine(env);
      List<ServedApp> served = new ArrayList<>();
      Map<String, DeployerRollouts.AppDeployer> deployers = new LinkedHashMap<>();
      for (DrayConfig config : apps) {
        String name = config.service();
        EventSink events = EventSink.all(List.of(hub.forApp(name), progress(out, name)));
        served.add(new ServedApp(config, DeployWiring.proxy(env, name)));
        deployers.put(
            name,
            new DeployerRollouts.AppDeployer(
                config, DeployWiring.deployer(env, config, engine, db, events)));
      }
      DeployerRollouts appRollouts = new DeployerRollouts(deployers, env, LOCK_WAIT);
      triggers =
          new TriggerWiring(
              apps,
              appRollouts,
              db,
              env,
              EventSink.all(List.of(hub.triggers(), triggerLog(out))),
              Clock.systemUTC());
      server =
          DrayServer.builder(db)
              .bind(bind)
              .port(port)
              .apps(served)
              .engine(engine)
              .rollouts(triggers.rollouts())
              .events(hub)
              .onNewToken(newToken::set)
              .github(triggers.githubHook())
              .registry(triggers.registryHook())
              .triggers(triggers.tally())
              .build()
              .start();
      triggers.start();
    } catch (RuntimeException e) {
      if (triggers != null) {
        triggers.close();
      }
      closeQuietly(engine);
      db.close();
      throw e;
    }
    out.println(
        "dray server: listening on "
            + server.url()
            + " (dashboard /, API /api, metrics /metrics, store "
            + db.location()
            + ")");
    out.println(
        "dray server: serving "
            + (apps.isEmpty()
                ? "no app (give one with --config dray.yml)"
                : String.join(", ", apps.stream().map(DrayConfig::service).toList())));
    apps.forEach(app -> AutoDeployLine.of(app).ifPresent(l -> out.println("dray server: " + l)));
    Optional.ofNullable(newToken.get())
        .ifPresent(t -> out.println("dray server: API token (shown once): " + t.reveal()));
    return runUntilStopped(out, server, triggers, engine, db);
  }

  /** Auto-deploy events, and the builds of branch pushes, as lines on the server's output. */
  private static EventSink triggerLog(PrintWriter out) {
    return event -> {
      Optional<String> line =
          switch (event) {
            case dev.dray.trigger.TriggerEvent e -> Optional.of(triggerLine(e));
            case BuildEvent b -> buildLine(b);
            default -> Optional.empty();
          };
      line.ifPresent(
          l -> {
            synchronized (out) {
              out.println("dray server: " + l);
              out.flush();
            }
          });
    };
  }

  private static String triggerLine(dev.dray.trigger.TriggerEvent e) {
    return switch (e) {
      case dev.dray.trigger.TriggerEvent.Received r -> "trigger " + r.trigger().describe();
      case dev.dray.trigger.TriggerEvent.Refused r ->
          "refused " + r.source() + " request (" + r.status() + "): " + r.reason();
      case dev.dray.trigger.TriggerEvent.Finished f when f.failure().isPresent() ->
          "trigger "
              + f.trigger().describe()
              + " failed ("
              + f.deployId()
              + "): "
              + f.failure().get();
      case dev.dray.trigger.TriggerEvent.Started st ->
          st.trigger().app() + ": rollout for " + st.trigger().describe() + " starts";
      case dev.dray.trigger.TriggerEvent.Finished f ->
          f.trigger().app()
              + ": rollout for "
              + f.trigger().describe()
              + " ended "
              + f.report()
                  .map(r -> r.steps().isEmpty() ? "(already running)" : outcome(r))
                  .orElse("")
              + " in "
              + Durations.format(f.took());
      case dev.dray.trigger.TriggerEvent.Superseded x ->
          x.trigger().app()
              + ": "
              + x.trigger().describe()
              + " superseded by "
              + x.by().describe()
              + " while it waited";
      case dev.dray.trigger.TriggerEvent.Skipped x ->
          x.trigger().app() + ": skipped " + x.trigger().describe() + ": " + x.reason();
      case dev.dray.trigger.TriggerEvent.Ignored x ->
          "ignored " + x.source() + " request: " + x.reason();
      case dev.dray.trigger.TriggerEvent.WatchFailed w ->
          w.app()
              + ": polling "
              + w.image()
              + " failed: "
              + w.reason()
              + "; next try in "
              + Durations.format(w.retryIn());
    };
  }

  private static String outcome(DeployReport report) {
    return report.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** A server build's start, stages, pushes and end; not every step. */
  private static Optional<String> buildLine(BuildEvent event) {
    return switch (event) {
      case BuildEvent.BuildStarted s ->
          Optional.of(
              s.service()
                  + ": build started ("
                  + String.join(", ", s.stages())
                  + " → "
                  + String.join(", ", s.tags())
                  + ")");
      case BuildEvent.StageBuildFinished f ->
          Optional.of(
              "build stage "
                  + f.stage()
                  + (f.ranSteps() ? " built" : " from cache")
                  + " in "
                  + Durations.format(f.duration()));
      case BuildEvent.TagPushed p -> Optional.of("build pushed " + p.reference());
      case BuildEvent.Retrying r ->
          Optional.of(
              "build retrying "
                  + r.operation()
                  + " ("
                  + r.attempt()
                  + "/"
                  + r.maxAttempts()
                  + ") in "
                  + Durations.format(r.delay())
                  + ": "
                  + r.reason());
      case BuildEvent.BuildWarning w -> Optional.of("build warning: " + w.message());
      case BuildEvent.BuildFinished f -> Optional.of(buildFinished(f.report()));
      default -> Optional.empty();
    };
  }

  private static String buildFinished(BuildReport r) {
    long steps = r.stages().stream().mapToLong(s -> s.steps().size()).sum();
    long cached =
        r.stages().stream()
            .flatMap(s -> s.steps().stream())
            .filter(BuildReport.StepReport::cached)
            .count();
    return r.service()
        + ": build "
        + r.outcome().name().toLowerCase(Locale.ROOT)
        + " in "
        + Durations.format(r.duration())
        + ", cache hits "
        + Math.round(r.cacheHitRatio() * 100)
        + "% ("
        + cached
        + "/"
        + steps
        + " steps) for "
        + r.gitRef()
        + " "
        + r.gitSha().substring(0, Math.min(7, r.gitSha().length()))
        + r.failure().map(f -> ": " + f).orElse("");
  }

  private int runUntilStopped(
      PrintWriter out, DrayServer server, TriggerWiring triggers, DockerEngine engine, Store db) {
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch stopped = new CountDownLatch(1);
    Runnable stop =
        () -> {
          if (done.compareAndSet(false, true)) {
            out.println("dray server: stopping");
            server.stop();
            triggers.close(ROLLOUT_GRACE);
            closeQuietly(engine);
            db.close();
            out.println("dray server: stopped");
          }
        };
    Thread hook =
        new Thread(
            () -> {
              stop.run();
              stopped.countDown();
            },
            "dray-server-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      stop.run();
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private List<DrayConfig> configs() {
    Path here = Path.of("").toAbsolutePath();
    if (configs.isEmpty()) {
      try {
        return List.of(ConfigLoader.load(ConfigLoader.locate(here, Optional.empty()), env));
      } catch (ConfigNotFoundException e) {
        return List.of();
      }
    }
    List<DrayConfig> out = new ArrayList<>();
    for (Path file : configs) {
      DrayConfig config = ConfigLoader.load(ConfigLoader.locate(here, Optional.of(file)), env);
      if (out.stream().anyMatch(c -> c.service().equals(config.service()))) {
        throw new CliInputException(
            "two --config files describe the app " + config.service(),
            "give each app's dray.yml once");
      }
      out.add(config);
    }
    return out;
  }

  /** One line per rollout start and end, and per failed step: the server's own log. */
  private static EventSink progress(PrintWriter out, String app) {
    return event -> {
      switch (event) {
        case DeployEvent.DeployStarted s ->
            out.println(
                app + ": " + s.kind() + " " + s.version() + " started (" + s.deployId() + ")");
        case DeployEvent.StepFailed f ->
            out.println(app + ": " + f.step() + " failed: " + f.reason());
        case DeployEvent.DeployFinished f ->
            out.println(
                app
                    + ": "
                    + f.report().kind()
                    + " "
                    + f.report().version()
                    + " "
                    + f.report().outcome().name().toLowerCase(Locale.ROOT));
        case DeployEvent.Warning w -> out.println(app + ": warning: " + w.message());
        default -> {}
      }
    };
  }

  static Store openStore(String url, Map<String, String> env) {
    return url == null || url.isBlank() ? Stores.open(env) : Store.open(url);
  }

  private static void closeQuietly(DockerEngine engine) {
    if (engine != null) {
      try {
        engine.close();
      } catch (Exception e) {
        // stopping anyway
      }
    }
  }

  /** {@code dray server token}: a new API token replaces the old one, shown once. */
  @Command(
      name = "token",
      description = "Make a new API token for dray server; the old one stops working at once.")
  static final class Token implements Callable<Integer> {
    private final Map<String, String> env;

    @Spec CommandSpec spec;

    @Option(
        names = "--store",
        paramLabel = "URL",
        description = "The store (default: $DRAY_STORE, else dray.db under $DRAY_HOME).")
    String store;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    Token(Map<String, String> env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store db = openStore(store, env)) {
        Secret token = TokenAuthority.of(db.tokens()).rotate();
        out.println("dray server: API token (shown once): " + token.reveal());
        out.println(
            "dray server: the previous token no longer works; a running server takes the new one"
                + " at once");
      }
      return 0;
    }
  }
}
