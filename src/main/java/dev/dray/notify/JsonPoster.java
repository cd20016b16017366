package dev.dray.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * POSTs a JSON document over {@code java.net.http} with a timeout per attempt, and tries once more
 * after a short pause when the first attempt fails with an I/O error or a 5xx answer.
 */
final class JsonPoster {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;
  private final Duration timeout;
  private final Duration retryDelay;

  JsonPoster(HttpClient http, Duration timeout, Duration retryDelay) {
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
  }

  /** The answer of the last attempt: status and body. */
  record Answer(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The body on one line, at most 200 characters, for messages. */
    String excerpt() {
      String line = body.strip().replaceAll("\\s+", " ");
      return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }
  }

  /**
   * @param headers extra request headers (e.g. {@code Authorization})
   * @return the answer of the last attempt, whatever its status
   * @throws IOException when the last attempt failed without an answer (timeouts included)
   * @throws InterruptedException when interrupted while waiting
   */
  Answer post(URI uri, Object document, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "dray")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json(document)));
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade attempt on plain HTTP
    }
    headers.forEach(builder::header);
    HttpRequest request = builder.build();
    try {
      Answer first = once(request);
      if (first.status() < 500) {
        return first;
      }
    } catch (IOException e) {
      // tried once more below
    }
    Thread.sleep(retryDelay);
    return once(request);
  }

  private Answer once(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(), response.body() == null ? "" : response.body());
  }

  private static byte[] json(Object document) {
    try {
      return MAPPER.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + document.getClass().getSimpleName(), e);
    }
  }
}
