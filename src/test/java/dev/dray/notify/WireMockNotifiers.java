package dev.dray.notify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A WireMock server on 127.0.0.1 standing in for Telegram, Slack and webhooks. */
final class WireMockNotifiers implements AutoCloseable {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  final WireMockServer server;

  WireMockNotifiers() {
    server =
        new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Short timings so retries and timeouts take milliseconds. */
  NotifyOptions options() {
    return NotifyOptions.standard()
        .withServicesAt(URI.create(base()))
        .withTiming(Duration.ofSeconds(2), Duration.ofMillis(10));
  }

  Notifier notifier(String url) {
    return notifier(url, Map.of());
  }

  Notifier notifier(String url, Map<String, String> env) {
    return Notifiers.fromUrls(List.of(url), HTTP, env, options()).getFirst();
  }

  @Override
  public void close() {
    server.stop();
  }
}
