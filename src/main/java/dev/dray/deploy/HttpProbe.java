package dev.dray.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends one HTTP GET for a health check; a seam so tests can script answers. */
@FunctionalInterface
public interface HttpProbe {
  /** The status code, or an exception when nothing answered within {@code timeout}. */
  int get(URI uri, Duration timeout) throws IOException, InterruptedException;

  /** Probes with {@code java.net.http}. */
  static HttpProbe system() {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return (uri, timeout) ->
        client
            .send(
                HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
  }
}
