package dev.dray.server;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client of {@code GET /api/events?token=} as the dashboard's EventSource is: it keeps every
 * event the stream delivers, with the moment it arrived.
 */
final class SseRecorder implements AutoCloseable {
  /** One event as it arrived: its name ({@code deploy}, {@code trigger}) and JSON data. */
  record Received(String event, JsonNode data, Instant arrived) {
    String type() {
      return data.path("type").asText();
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicBoolean connected = new AtomicBoolean();
  private final InputStream body;
  private final Thread reader;

  private SseRecorder(InputStream body) {
    this.body = body;
    this.reader = Thread.ofPlatform().daemon().name("sse-recorder").start(this::read);
  }

  /** Connects to the server at {@code base} and returns once the stream is open. */
  static SseRecorder connect(URI base, String token) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        base.resolve(
                            "/api/events?token="
                                + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
      throw new AssertionError("GET /api/events answered " + response.statusCode() + ": " + text);
    }
    SseRecorder recorder = new SseRecorder(response.body());
    await("the event stream's first comment")
        .atMost(Duration.ofSeconds(10))
        .untilTrue(recorder.connected);
    return recorder;
  }

  /** Every event so far, oldest first. */
  List<Received> all() {
    return List.copyOf(received);
  }

  /** The {@code deploy} events of the rollout {@code deployId}. */
  List<Received> deploy(String deployId) {
    return received.stream()
        .filter(r -> r.event().equals("deploy"))
        .filter(r -> r.data().path("deployId").asText().equals(deployId))
        .toList();
  }

  /** The {@code trigger} events of {@code type} (such as {@code Received}) for {@code app}. */
  List<Received> triggers(String type, String app) {
    return received.stream()
        .filter(r -> r.event().equals("trigger") && r.type().equals(type))
        .filter(
            r ->
                r.data().path("trigger").path("app").asText().equals(app)
                    || r.data().path("app").asText().equals(app))
        .toList();
  }

  private void read() {
    String event = "message";
    StringBuilder data = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            received.add(
                new Received(event, ServerJson.mapper().readTree(data.toString()), Instant.now()));
          }
          event = "message";
          data.setLength(0);
        } else if (line.startsWith(":")) {
          connected.set(true);
        } else if (line.startsWith("event:")) {
          event = line.substring("event:".length()).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring("data:".length()).strip());
        }
      }
    } catch (IOException e) {
      // the stream was closed
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    body.close();
    reader.join(Duration.ofSeconds(2)); // a daemon: it ends with the stream at the latest
  }
}
