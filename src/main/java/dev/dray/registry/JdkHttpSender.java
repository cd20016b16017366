package dev.dray.registry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The network end of the chain: sends requests with {@code java.net.http.HttpClient}. */
final class JdkHttpSender implements RequestSender {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

  private final HttpClient client;

  JdkHttpSender() {
    this(
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build());
  }

  JdkHttpSender(HttpClient client) {
    this.client = client;
  }

  @Override
  public RegistryResponse send(RegistryRequest request) throws IOException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(REQUEST_TIMEOUT)
            .method(request.method(), body(request));
    if ("http".equals(request.uri().getScheme())) {
      builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance with plain registries
    }
    request.headers().map().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
    try {
      HttpResponse<byte[]> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new RegistryResponse(
          response.statusCode(),
          response.uri(),
          new HttpHeaderMap(response.headers().map()),
          response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted: " + request.method() + " " + request.uri());
    } catch (IOException e) {
      throw new ConnectionFailure(request.uri(), e);
    }
  }

  private static HttpRequest.BodyPublisher body(RegistryRequest request) {
    boolean sendsBody = List.of("POST", "PUT", "PATCH").contains(request.method());
    return sendsBody
        ? HttpRequest.BodyPublishers.ofByteArray(request.body())
        : HttpRequest.BodyPublishers.noBody();
  }
}
