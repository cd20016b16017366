package dev.dray.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One {@code POST /build?version=2}: sends the context tar and interprets the answer stream. */
final class BuildCall {
  private final EngineHttp http;
  private final BuildRequest request;
  private final BuildListener listener;

  BuildCall(EngineHttp http, BuildRequest request, BuildListener listener) {
    this.http = http;
    this.request = request;
    this.listener = listener;
  }

  BuildResult run(InputStream contextTar) {
    try (DockerHttpClient.Response response =
        http.send(
            "POST",
            "/build",
            BuildQuery.of(request),
            Map.of("Content-Type", "application/x-tar"),
            Optional.of(contextTar))) {
      int status = response.getStatusCode();
      if (status != 200) {
        throw new BuildFailedException(
            EngineHttp.errorMessage(response), Optional.empty(), List.of());
      }
      BuildOutput output = new BuildOutput(listener);
      JsonMessageStream.forEach(response.getBody(), output::accept);
      return output.result();
    } catch (IOException e) {
      throw new EngineApiException(
          "POST /build", 200, "the build's answer broke off: " + EngineHttp.describe(e), e);
    }
  }
}
