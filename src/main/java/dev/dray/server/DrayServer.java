package dev.dray.server;

import dev.dray.DrayException;
import dev.dray.Secret;
import dev.dray.engine.DockerEngine;
import dev.dray.store.Figures;
import dev.dray.store.Store;
import dev.dray.store.StoreException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.net.BindException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dray server}: one Javalin (Jetty, virtual threads) app serving the REST API and live event
 * stream under {@code /api} (token required), {@code /metrics} for Prometheus, the webhooks under
 * {@code /hooks} (their own secrets) and the dashboard at {@code /}.
 *
 * <p>On its first start against a store without a token it makes one and hands it to {@link
 * Builder#onNewToken} — the only time it is seen. Binds 127.0.0.1 unless told otherwise.
 */
public final class DrayServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DrayServer.class);

  private final Builder settings;
  private final Javalin app;
  private final EventStream streams;
  private volatile boolean stopped;

  private DrayServer(Builder settings) {
    this.settings = settings;
    this.streams = new EventStream(settings.events, settings.keepAlive);
    this.app = Javalin.create(this::configure);
  }

  /** A server reading and writing {@code store}; see the builder's defaults. */
  public static Builder builder(Store store) {
    return new Builder(store);
  }

  /**
   * Listens on the configured address, then makes the API token when the store has none and hands
   * it to {@link Builder#onNewToken}.
   *
   * @throws ServerStartException when the address cannot be bound
   */
  public DrayServer start() {
    try {
      app.start(settings.bind, settings.port);
    } catch (RuntimeException e) {
      Throwable bind = bindFailure(e);
      if (bind != null) {
        throw new ServerStartException(settings.bind, settings.port, bind);
      }
      throw e;
    }
    settings.tokens.createIfMissing().ifPresent(settings.onNewToken);
    return this;
  }

  /** The port listened on: the one asked for, or the one picked for port 0. */
  public int port() {
    return app.port();
  }

  /** Where the server answers, e.g. {@code http://127.0.0.1:7070/}. */
  public URI url() {
    String host = settings.bind.contains(":") ? "[" + settings.bind + "]" : settings.bind;
    if (host.equals("0.0.0.0") || host.equals("[::]")) {
      host = "127.0.0.1";
    }
    return URI.create("http://" + host + ":" + port() + "/");
  }

  /** Ends every event stream and stops listening; requests under way are let finish. */
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    settings.events.close();
    try {
      if (!streams.awaitEnded(Duration.ofSeconds(2))) {
        LOG.debug("event streams still open as the server stops");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    app.stop();
  }

  @Override
  public void close() {
    stop();
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.concurrency.useVirtualThreads = true;
    config.requestLogger.http(new RefusalLog());
    dashboard(config);

    var routes = config.routes;
    routes.before(Routes.API + "/*", new ApiAuth(settings.tokens));
    new ApiRoutes(
            settings.apps,
            new AppsView(settings.engine),
            settings.store.builds(),
            settings.store.deploys(),
            settings.rollouts,
            settings.figures)
        .register(routes);
    routes.sse(Routes.EVENTS, streams);
    routes.get(
        Routes.METRICS,
        ctx ->
            ctx.contentType(PrometheusScrape.CONTENT_TYPE)
                .result(
                    PrometheusScrape.render(settings.figures.now(), settings.triggers.counts())));
    routes.post(
        Routes.GITHUB_HOOK,
        ctx ->
            reply(
                ctx,
                settings.github.handle(ctx.pathParam("app"), headers(ctx), ctx.bodyAsBytes())));
    routes.post(
        Routes.REGISTRY_HOOK,
        ctx -> reply(ctx, settings.registry.handle(headers(ctx), ctx.bodyAsBytes(), query(ctx))));

    routes.exception(ApiRefusal.class, (e, ctx) -> refuse(ctx, e.status(), e));
    routes.exception(
        DrayException.class,
        (e, ctx) -> {
          LOG.warn("{} failed: {}", describe(ctx).orElse("a finished request"), e.getMessage());
          refuse(ctx, e instanceof StoreException ? 503 : 502, e);
        });
    // An exception handler must never throw: Javalin hands what it throws back to the handlers,
    // and on a request Jetty has already recycled (an event stream that ends as the server stops)
    // every access throws again, forever (javalin/javalin#2422).
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          Optional<String> request = describe(ctx);
          if (request.isEmpty()) {
            LOG.debug("a request that had already ended failed", e);
            return;
          }
          LOG.error("{} failed", request.get(), e);
          try {
            ApiRoutes.json(
                ctx, 500, Map.of("error", "internal error: " + e.getClass().getSimpleName()));
          } catch (RuntimeException gone) {
            LOG.debug("could not answer {}", request.get(), gone);
          }
        });
  }

  private static void dashboard(JavalinConfig config) {
    if (DrayServer.class.getResource(Routes.DASHBOARD + "/index.html") != null) {
      config.staticFiles.add(
          files -> {
            files.hostedPath = "/";
            files.directory = Routes.DASHBOARD;
            files.location = Location.CLASSPATH;
          });
    } else {
      config.routes.get("/", ctx -> ctx.html(BuiltInPage.HTML));
    }
  }

  private static void refuse(Context ctx, int status, DrayException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.getMessage());
    e.hint().ifPresent(h -> body.put("hint", h));
    try {
      ctx.attribute(RefusalLog.REASON, e.getMessage());
      ApiRoutes.json(ctx, status, body);
    } catch (RuntimeException gone) {
      // the request already ended (see the Exception handler): nobody to answer
      LOG.debug("could not answer a refused request", gone);
    }
  }

  private static void reply(Context ctx, HookReply reply) {
    ctx.status(reply.status()).contentType("application/json").result(reply.json());
    if (reply.status() >= 400) {
      ctx.attribute(RefusalLog.REASON, "webhook answered " + reply.status());
    }
  }

  /** The request's headers, looked up case-insensitively. */
  private static Map<String, String> headers(Context ctx) {
    Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    out.putAll(ctx.headerMap());
    return out;
  }

  /** The first value of each query parameter. */
  private static Map<String, String> query(Context ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
    return out;
  }

  /** Method and path; safe on a request Jetty has already recycled. */
  /** The request's method and path; empty when Jetty has recycled it already. */
  private static Optional<String> describe(Context ctx) {
    try {
      return Optional.of(ctx.method() + " " + ctx.path());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Throwable bindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return t;
      }
    }
    return null;
  }

  /** How a {@link DrayServer} is set up; every setting has a default except the store. */
  public static final class Builder {
    private final Store store;
    private String bind = "127.0.0.1";
    private int port = 7070;
    private Map<String, ServedApp> apps = Map.of();
    private DockerEngine engine;
    private Rollouts rollouts = NO_ROLLOUTS;
    private EventHub events = new EventHub();
    private FigureSource figures;
    private TriggerTally triggers = new TriggerTally();
    private GitHubHook github = UnwiredHooks.github();
    private RegistryHook registry = UnwiredHooks.registry();
    private Consumer<Secret> onNewToken = token -> {};
    private TokenAuthority tokens;
    private Clock clock = Clock.systemUTC();
    private Duration keepAlive = Duration.ofSeconds(15);

    private static final Rollouts NO_ROLLOUTS =
        new Rollouts() {
          @Override
          public String deploy(String app, String version) {
            throw ApiRefusal.unavailable("this server runs no rollouts");
          }

          @Override
          public String rollback(String app, Optional<String> version) {
            throw ApiRefusal.unavailable("this server runs no rollouts");
          }
        };

    private Builder(Store store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /** The address to listen on; default 127.0.0.1. */
    public Builder bind(String bind) {
      this.bind = Objects.requireNonNull(bind, "bind");
      return this;
    }

    /** The port to listen on; 0 picks a free one; default 7070. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0 to 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** The apps served; their status needs {@link #engine}. Default none. */
    public Builder apps(List<ServedApp> apps) {
      Map<String, ServedApp> byName = new LinkedHashMap<>();
      for (ServedApp a : apps) {
        if (byName.put(a.name(), a) != null) {
          throw new IllegalArgumentException("app " + a.name() + " is served twice");
        }
      }
      this.apps = byName;
      return this;
    }

    /** The Docker engine the apps run on. */
    public Builder engine(DockerEngine engine) {
      this.engine = engine;
      return this;
    }

    /** Where deploy and rollback requests go; default: refused with 503. */
    public Builder rollouts(Rollouts rollouts) {
      this.rollouts = Objects.requireNonNull(rollouts, "rollouts");
      return this;
    }

    /** The hub whose events the event stream sends; give rollouts its sinks. */
    public Builder events(EventHub events) {
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /** Where the figures come from; default the store's {@link Figures} of the served apps. */
    public Builder figures(FigureSource figures) {
      this.figures = Objects.requireNonNull(figures, "figures");
      return this;
    }

    /** The trigger counts of {@code dray_triggers_total}. */
    public Builder triggers(TriggerTally triggers) {
      this.triggers = Objects.requireNonNull(triggers, "triggers");
      return this;
    }

    /** The GitHub webhook handler; default answers 501. */
    public Builder github(GitHubHook github) {
      this.github = Objects.requireNonNull(github, "github");
      return this;
    }

    /** The registry notification handler; default answers 501. */
    public Builder registry(RegistryHook registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Called once with the token made on the first start, to show it; never called again. */
    public Builder onNewToken(Consumer<Secret> onNewToken) {
      this.onNewToken = Objects.requireNonNull(onNewToken, "onNewToken");
      return this;
    }

    /** The token authority; default over the store's tokens. */
    public Builder tokens(TokenAuthority tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long an idle event stream waits before it sends a keep-alive comment; default 15s. */
    public Builder keepAlive(Duration keepAlive) {
      this.keepAlive = Objects.requireNonNull(keepAlive, "keepAlive");
      return this;
    }

    public DrayServer build() {
      if (!apps.isEmpty() && engine == null) {
        throw new IllegalStateException("serving apps needs a Docker engine");
      }
      if (tokens == null) {
        tokens = new TokenAuthority(store.tokens(), new SecureRandom(), clock);
      }
      if (figures == null) {
        figures = new StoreFigures(new Figures(store, clock), List.copyOf(apps.keySet()));
      }
      return new DrayServer(this);
    }
  }
}
