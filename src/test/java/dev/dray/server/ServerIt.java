package dev.dray.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dray.store.DeployRecord;
import dev.dray.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Shared set-up of the server's integration tests (and the dashboard's against a real server): HTTP
 * calls with the API token, and records kept in the store.
 */
public final class ServerIt {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServerIt() {}

  /** Keeps a finished {@code record}: started, then finished, as a rollout writes it. */
  public static void keep(Store store, DeployRecord record) {
    store
        .deploys()
        .start(
            DeployRecord.started(
                record.id(),
                record.app(),
                record.kind(),
                record.version(),
                record.images(),
                record.who(),
                record.startedAt()));
    store
        .deploys()
        .finish(
            record.id(),
            record.outcome(),
            record.failedStep(),
            record.failure(),
            record.finishedAt().orElseThrow());
  }

  public static HttpResponse<String> get(URI base, String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.GET().build());
  }

  public static HttpResponse<String> post(URI base, String path, String token, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return ServerJson.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }
}
