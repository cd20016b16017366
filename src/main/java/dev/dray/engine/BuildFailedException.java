package dev.dray.engine;

import java.util.List;
import java.util.Optional;

/**
 * A build that the engine ran and that failed: the engine's message, the step that failed and the
 * last lines it printed.
 */
public final class BuildFailedException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final String engineMessage;
  private final String vertexName;
  private final List<String> logTail;

  public BuildFailedException(
      String engineMessage, Optional<String> vertexName, List<String> logTail) {
    super(message(engineMessage, vertexName, logTail), hint(vertexName));
    this.engineMessage = engineMessage;
    this.vertexName = vertexName.orElse(null);
    this.logTail = List.copyOf(logTail);
  }

  /** What the engine reported, such as {@code executor failed running […]: exit code: 3}. */
  public String engineMessage() {
    return engineMessage;
  }

  /** The failing step, such as {@code [deps 2/4] RUN npm ci}, when the trace named one. */
  public Optional<String> vertexName() {
    return Optional.ofNullable(vertexName);
  }

  /** The last lines the failing step printed, oldest first. */
  public List<String> logTail() {
    return logTail;
  }

  private static String message(String engineMessage, Optional<String> vertex, List<String> tail) {
    StringBuilder sb = new StringBuilder("build failed");
    vertex.ifPresent(v -> sb.append(" at step ").append(v));
    sb.append(": ").append(engineMessage);
    tail.forEach(line -> sb.append("\n  | ").append(line));
    return sb.toString();
  }

  private static String hint(Optional<String> vertex) {
    return vertex
        .map(v -> "fix the Dockerfile step " + v + " (its last output is shown above) and rebuild")
        .orElse("check the Dockerfile and the build context, then rebuild");
  }
}
