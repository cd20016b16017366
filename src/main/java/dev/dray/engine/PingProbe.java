package dev.dray.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Probes an endpoint with {@code GET /_ping}, checking a unix socket's file first. */
public final class PingProbe implements EngineProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Override
  public Optional<String> failure(URI endpoint) {
    if ("unix".equals(endpoint.getScheme())) {
      Path socket = Path.of(endpoint.getPath());
      if (!Files.exists(socket)) {
        return Optional.of("no socket at " + socket);
      }
      if (!Files.isReadable(socket) || !Files.isWritable(socket)) {
        return Optional.of("permission denied on " + socket + " (is your user in group docker?)");
      }
    }
    try (EngineHttp http = EngineHttp.unversioned(endpoint, Optional.of(TIMEOUT));
        DockerHttpClient.Response response = http.send("GET", "/_ping", Query.of())) {
      int status = response.getStatusCode();
      return status == 200
          ? Optional.empty()
          : Optional.of(
              "GET /_ping answered HTTP " + status + ": " + EngineHttp.errorMessage(response));
    } catch (EngineApiException e) {
      return Optional.of(e.getMessage());
    } catch (RuntimeException e) {
      return Optional.of(EngineHttp.describe(e));
    }
  }
}
