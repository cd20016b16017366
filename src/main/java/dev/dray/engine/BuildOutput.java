package dev.dray.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Interprets a build's JSON message stream: decodes BuildKit traces, merges vertices, keeps log
 * tails, notifies the listener, and finally yields the result or the failure.
 */
final class BuildOutput {
  static final String TRACE = "moby.buildkit.trace";
  static final String IMAGE_ID = "moby.image.id";

  private final BuildListener listener;
  private final TraceAccumulator trace = new TraceAccumulator();
  private final LogTail logs = new LogTail(LogTail.DEFAULT_LINES);
  private String imageId;
  private String error;

  BuildOutput(BuildListener listener) {
    this.listener = listener;
  }

  void accept(JsonMessage message) {
    Optional<String> failure = message.errorMessage();
    if (failure.isPresent()) {
      error = failure.get();
      return;
    }
    JsonNode aux = message.aux();
    if (TRACE.equals(message.id()) && aux != null && aux.isTextual()) {
      onTrace(StatusResponseDecoder.decode(Base64.getDecoder().decode(aux.asText())));
    } else if (aux != null && aux.isObject() && aux.hasNonNull("ID")) {
      imageId = aux.get("ID").asText();
    } else if (message.stream() != null) {
      listener.classicOutput(message.stream());
    }
  }

  private void onTrace(StatusUpdate update) {
    for (Vertex vertex : update.vertices()) {
      listener.vertexChanged(trace.merge(vertex));
    }
    for (VertexStatus status : update.statuses()) {
      listener.status(status);
    }
    for (VertexLog log : update.logs()) {
      logs.append(log.vertex(), log.text());
      listener.log(log.vertex(), log.stream(), log.text());
    }
  }

  /**
   * The build's result once the stream ended.
   *
   * @throws BuildFailedException when the engine reported an error
   * @throws EngineApiException when the stream ended without an image ID
   */
  BuildResult result() {
    if (error != null) {
      Optional<Vertex> failed = failedVertex();
      throw new BuildFailedException(
          error, failed.map(Vertex::name), failed.map(v -> logs.of(v.digest())).orElse(List.of()));
    }
    if (imageId == null) {
      throw new EngineApiException(
          "POST /build", 200, "the build ended without reporting an image ID");
    }
    return new BuildResult(imageId, trace.vertices());
  }

  /**
   * The vertex that reported an error: the one whose error the build's final message repeats, else
   * a real failure over steps cancelled because of it, else the last one still running. Errors on
   * cache imports are left aside: a missing cache source never fails a build.
   */
  private Optional<Vertex> failedVertex() {
    List<Vertex> vertices = trace.vertices();
    List<Vertex> errored =
        vertices.stream()
            .filter(v -> v.error().isPresent())
            .filter(v -> !v.name().startsWith("importing cache manifest from"))
            .toList();
    Optional<Vertex> named =
        errored.stream().filter(v -> error.contains(v.error().get())).reduce((a, b) -> b);
    if (named.isPresent()) {
      return named;
    }
    return errored.stream()
        .filter(v -> !v.error().get().contains("context canceled"))
        .reduce((a, b) -> b)
        .or(() -> errored.stream().reduce((a, b) -> b))
        .or(
            () ->
                vertices.stream()
                    .filter(v -> v.started().isPresent() && !v.isCompleted())
                    .reduce((a, b) -> b));
  }
}
