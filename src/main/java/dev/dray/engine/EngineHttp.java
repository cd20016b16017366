package dev.dray.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP access to one Docker Engine at one negotiated API version: sends requests through
 * docker-java's low-level client and turns transport failures into {@link EngineApiException}.
 */
final class EngineHttp implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final DockerHttpClient client;
  private final String prefix;

  private EngineHttp(DockerHttpClient client, String prefix) {
    this.client = client;
    this.prefix = prefix;
  }

  /** A client without a version prefix, for {@code /_ping} and {@code /version}. */
  static EngineHttp unversioned(URI endpoint, Optional<Duration> responseTimeout) {
    return new EngineHttp(open(endpoint, responseTimeout), "");
  }

  /** The same connection, now prefixing every path with {@code /v<version>}. */
  EngineHttp at(ApiVersion version) {
    return new EngineHttp(client, "/v" + version);
  }

  static DockerHttpClient open(URI endpoint, Optional<Duration> responseTimeout) {
    ZerodepDockerHttpClient.Builder builder =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(endpoint)
            .maxConnections(8)
            .connectionTimeout(Duration.ofSeconds(5));
    responseTimeout.ifPresent(builder::responseTimeout);
    return builder.build();
  }

  /** Sends a request; the caller closes the response. */
  DockerHttpClient.Response send(
      String method,
      String path,
      Query query,
      Map<String, String> headers,
      Optional<InputStream> body) {
    DockerHttpClient.Request.Builder request =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.valueOf(method))
            .path(prefix + path + query)
            .headers(headers);
    body.ifPresent(request::body);
    try {
      return client.execute(request.build());
    } catch (RuntimeException e) {
      throw new EngineApiException(method + " " + path, 0, describe(e), e);
    }
  }

  DockerHttpClient.Response send(String method, String path, Query query) {
    return send(method, path, query, Map.of(), Optional.empty());
  }

  /** Sends a request expecting 2xx with a JSON body and reads it as {@code type}. */
  <T> T json(String method, String path, Query query, Class<T> type) {
    try (DockerHttpClient.Response response = send(method, path, query)) {
      requireSuccess(method + " " + path, response);
      return JSON.readValue(response.getBody(), type);
    } catch (IOException e) {
      throw new EngineApiException(method + " " + path, 0, "unreadable answer: " + e, e);
    }
  }

  /** Throws {@link EngineApiException} with the engine's message unless the status is 2xx. */
  static void requireSuccess(String operation, DockerHttpClient.Response response) {
    int status = response.getStatusCode();
    if (status < 200 || status >= 300) {
      throw new EngineApiException(operation, status, errorMessage(response));
    }
  }

  /** The {@code message} of an error body, or the body's text. */
  static String errorMessage(DockerHttpClient.Response response) {
    String text;
    try (InputStream body = response.getBody()) {
      text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8).trim();
    } catch (IOException | UncheckedIOException e) {
      return "no readable error message";
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (node != null && node.hasNonNull("message")) {
        return node.get("message").asText();
      }
    } catch (IOException e) {
      // not JSON: use the text
    }
    return text.isEmpty() ? "empty answer" : text;
  }

  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
