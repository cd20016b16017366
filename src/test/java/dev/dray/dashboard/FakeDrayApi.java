package dev.dray.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dray.build.BuildReport;
import dev.dray.deploy.DeployEvent;
import dev.dray.server.AppStatus;
import dev.dray.server.DeployEventJson;
import dev.dray.server.FigureSummary;
import dev.dray.server.RolloutQueued;
import dev.dray.store.DeployRecord;
import dev.dray.store.DeployStepRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for {@code dray server} in the browser tests of what a real server cannot show on
 * demand (failed rollouts, failing apps, other apps' events, failing requests): the dashboard's
 * files from the classpath at {@code /}, the REST API from in-memory data, an SSE endpoint the test
 * pushes events into, and a record of every POST it received.
 *
 * <p>It answers with the server's own types (store records, {@link AppStatus}, {@link
 * FigureSummary}, {@link RolloutQueued}, {@link DeployEventJson}) written as the server writes
 * them, and refuses as the server does; {@code FakeApiContractIT} holds it to that.
 */
final class FakeDrayApi implements AutoCloseable {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private static final String ASSETS = "dev/dray/server/dashboard/";
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png");
  private static final Pattern APP_PATH =
      Pattern.compile("^/api/apps/([^/]+)/(releases|builds|deploy|rollback)$");

  /** A request the fake received that changes something (deploy, rollback). */
  record Received(String method, String path, JsonNode body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private volatile String token;
  private volatile List<AppStatus> apps = List.of();
  private final Map<String, List<DeployRecord>> releases = new ConcurrentHashMap<>();
  private final Map<String, List<DeployStepRecord>> steps = new ConcurrentHashMap<>();
  private final Map<String, List<BuildReport>> builds = new ConcurrentHashMap<>();
  private final Map<String, FigureSummary> summaries = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<BlockingQueue<String>> subscribers = new CopyOnWriteArrayList<>();
  private final List<String> rejected = new CopyOnWriteArrayList<>();

  FakeDrayApi(String token) {
    this.token = token;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Replaces the API token, as {@code dray server token} does. */
  void rotateToken(String newToken) {
    token = newToken;
  }

  void apps(List<AppStatus> apps) {
    this.apps = List.copyOf(apps);
  }

  /** Adds a release (newest first) or replaces the one with the same id. */
  void release(DeployRecord record) {
    releases.compute(
        record.app(),
        (app, list) -> {
          List<DeployRecord> next = new ArrayList<>(list == null ? List.of() : list);
          next.removeIf(r -> r.id().equals(record.id()));
          next.add(record);
          next.sort((a, b) -> b.startedAt().compareTo(a.startedAt()));
          return List.copyOf(next);
        });
  }

  void step(DeployStepRecord step) {
    steps.computeIfAbsent(step.deployId(), id -> new CopyOnWriteArrayList<>()).add(step);
  }

  void builds(String app, List<BuildReport> reports) {
    builds.put(app, List.copyOf(reports));
  }

  void summary(FigureSummary summary) {
    summaries.put(summary.app(), summary);
  }

  /** From now on answers GET {@code path} with {@code status} and an error, as a failing server. */
  void fail(String path, int status) {
    failures.put(path, status);
  }

  /** Sends {@code event} of a rollout of {@code app} to every connected dashboard. */
  void push(String app, String deployId, DeployEvent event) {
    String frame = "event: deploy\ndata: " + DeployEventJson.json(app, deployId, event) + "\n\n";
    subscribers.forEach(q -> q.add(frame));
  }

  int subscribers() {
    return subscribers.size();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** Requests answered 401, as "METHOD path". */
  List<String> rejected() {
    return List.copyOf(rejected);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.startsWith("/api/")) {
        asset(exchange, path);
        return;
      }
      if (path.equals("/api/events")) {
        events(exchange);
        return;
      }
      String bearer = exchange.getRequestHeaders().getFirst("Authorization");
      if (bearer == null || !bearer.equals("Bearer " + token)) {
        unauthorized(exchange, bearer == null);
        return;
      }
      Integer failure = failures.get(path);
      if (failure != null) {
        json(exchange, failure, Map.of("error", "the store cannot be read"));
        return;
      }
      api(exchange, path);
    } catch (RuntimeException e) {
      json(exchange, 500, Map.of("error", String.valueOf(e)));
    }
  }

  private void api(HttpExchange exchange, String path) throws IOException {
    String method = exchange.getRequestMethod();
    Map<String, String> query = query(exchange.getRequestURI());
    if (method.equals("GET") && path.equals("/api/apps")) {
      json(exchange, 200, apps);
      return;
    }
    if (method.equals("GET") && path.startsWith("/api/deploys/")) {
      String id =
          URLDecoder.decode(path.substring("/api/deploys/".length()), StandardCharsets.UTF_8);
      Optional<DeployRecord> record =
          releases.values().stream()
              .flatMap(List::stream)
              .filter(r -> r.id().equals(id))
              .findFirst();
      if (record.isEmpty()) {
        json(exchange, 404, Map.of("error", "no deploy " + id));
        return;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("record", record.get());
      body.put("steps", steps.getOrDefault(id, List.of()));
      json(exchange, 200, body);
      return;
    }
    if (method.equals("GET") && path.equals("/api/metrics/summary")) {
      String app = query.getOrDefault("app", "");
      if (app.isBlank()) {
        json(exchange, 400, Map.of("error", "the figures are per app: ask for ?app=<name>"));
        return;
      }
      json(exchange, 200, summaries.getOrDefault(app, new FigureSummary(app, 0, List.of())));
      return;
    }
    Matcher m = APP_PATH.matcher(path);
    if (!m.matches()) {
      json(exchange, 404, Map.of("error", "no such endpoint: " + method + " " + path));
      return;
    }
    String app = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
    boolean served = apps.stream().anyMatch(a -> a.app().equals(app));
    switch (method + " " + m.group(2)) {
      case "GET releases" -> {
        if (served) {
          json(exchange, 200, releases.getOrDefault(app, List.of()).stream().limit(limit).toList());
        } else {
          json(exchange, 404, Map.of("error", "app " + app + " is not served here"));
        }
      }
      case "GET builds" ->
          json(exchange, 200, builds.getOrDefault(app, List.of()).stream().limit(limit).toList());
      case "POST deploy", "POST rollback" -> {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = JSON.readTree(raw.length == 0 ? "{}".getBytes() : raw);
        Optional<String> version = Optional.ofNullable(body.get("version")).map(JsonNode::asText);
        String kind = m.group(2);
        if (!served) {
          json(exchange, 404, Map.of("error", "app " + app + " is not served here"));
        } else if (kind.equals("deploy") && version.isEmpty()) {
          json(exchange, 400, Map.of("error", "a deploy needs a version"));
        } else {
          received.add(new Received(method, path, body));
          json(exchange, 202, RolloutQueued.of(queuedId(), app, kind, version));
        }
      }
      default -> json(exchange, 405, Map.of("error", method + " not allowed on " + path));
    }
  }

  /** The deploy id the next queued rollout gets, as the server makes one when it is queued. */
  private static String queuedId() {
    return java.util.UUID.randomUUID().toString();
  }

  private void events(HttpExchange exchange) throws IOException {
    String presented = query(exchange.getRequestURI()).get("token");
    if (presented == null || !presented.equals(token)) {
      unauthorized(exchange, presented == null);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    OutputStream out = exchange.getResponseBody();
    out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    subscribers.add(queue);
    try {
      while (true) {
        String frame = queue.poll(15, TimeUnit.SECONDS);
        out.write((frame == null ? ": keep-alive\n\n" : frame).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // the browser went away or the fake is closing
    } finally {
      subscribers.remove(queue);
    }
  }

  private void unauthorized(HttpExchange exchange, boolean missing) throws IOException {
    rejected.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    json(exchange, 401, Map.of("error", missing ? "missing API token" : "wrong API token"));
  }

  private void asset(HttpExchange exchange, String path) throws IOException {
    String name = path.equals("/") ? "index.html" : path.substring(1);
    if (name.contains("..")) {
      json(exchange, 400, Map.of("error", "bad path"));
      return;
    }
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(ASSETS + name)) {
      if (in == null) {
        json(exchange, 404, Map.of("error", "not found: " + path));
        return;
      }
      byte[] bytes = in.readAllBytes();
      String ext = name.substring(name.lastIndexOf('.') + 1);
      exchange
          .getResponseHeaders()
          .set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private static void json(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> result = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return result;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      result.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return result;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
