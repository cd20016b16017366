package dev.dray.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A tiny HTTP server on 127.0.0.1 standing in for one version of an app: {@code /} answers its
 * version, {@code /up} 200 (or 503 while unhealthy, after {@code healthDelay}), {@code /slow} its
 * version after 2 s.
 */
final class TestUpstream implements AutoCloseable {
  private final String version;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicBoolean healthy;
  private final long healthDelayMillis;

  private TestUpstream(String version, boolean healthy, long healthDelayMillis) throws IOException {
    this.version = version;
    this.healthy = new AtomicBoolean(healthy);
    this.healthDelayMillis = healthDelayMillis;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static TestUpstream healthy(String version) throws IOException {
    return new TestUpstream(version, true, 0);
  }

  /** Healthy, but its health path takes {@code millis} to answer. */
  static TestUpstream slowToCheck(String version, long millis) throws IOException {
    return new TestUpstream(version, true, millis);
  }

  static TestUpstream unhealthy(String version) throws IOException {
    return new TestUpstream(version, false, 0);
  }

  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  Upstream as(String serverName) {
    return new Upstream(serverName, address());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      int status = 200;
      if (path.equals("/up") && !healthy.get()) {
        status = 503;
      }
      if (path.equals("/slow")) {
        sleep(2_000);
      }
      if (path.equals("/up")) {
        sleep(healthDelayMillis);
      }
      byte[] body = version.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
