package dev.dray.build;

import dev.dray.build.BuildEvent.BuildWarning;
import dev.dray.build.BuildEvent.StepChanged;
import dev.dray.build.BuildEvent.StepOutput;
import dev.dray.build.BuildEvent.StepState;
import dev.dray.engine.BuildListener;
import dev.dray.engine.Vertex;
import dev.dray.events.EventSink;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the vertices of one BuildKit pass: keeps their latest state in first-seen order and turns
 * each change of a Dockerfile step into a {@link StepChanged} event. Stages reported by an earlier
 * pass ({@code quiet}) are followed but not announced again.
 */
final class StepTracker implements BuildListener {
  private final Set<String> quiet;
  private final boolean singleStage;
  private final String onlyStage;
  private final Clock clock;
  private final EventSink events;
  private final Map<String, Vertex> vertices = new LinkedHashMap<>();
  private final Map<String, StepState> states = new LinkedHashMap<>();
  private final Set<String> warned;

  StepTracker(
      List<String> stages, Set<String> quiet, Set<String> warned, Clock clock, EventSink events) {
    this.warned = warned;
    this.quiet = Set.copyOf(quiet);
    this.singleStage = stages.size() == 1;
    this.onlyStage = stages.get(0);
    this.clock = clock;
    this.events = events;
  }

  @Override
  public synchronized void vertexChanged(Vertex vertex) {
    vertices.put(vertex.digest(), vertex);
    VertexName name = VertexName.parse(vertex.name());
    if (!name.stageStep()) {
      vertex
          .error()
          .filter(e -> warned.add(vertex.name() + ": " + e))
          .ifPresent(e -> events.emit(new BuildWarning(clock.instant(), vertex.name(), e)));
      return;
    }
    if (quiet.contains(stageOf(name))) {
      return;
    }
    StepState state = stateOf(vertex);
    if (state == null || state == states.get(vertex.digest())) {
      return;
    }
    states.put(vertex.digest(), state);
    events.emit(
        new StepChanged(
            clock.instant(),
            stageOf(name),
            name.step(),
            state,
            vertex.duration().orElse(Duration.ZERO)));
  }

  @Override
  public synchronized void log(String vertexDigest, int stream, String text) {
    Vertex vertex = vertices.get(vertexDigest);
    if (vertex == null) {
      return;
    }
    VertexName name = VertexName.parse(vertex.name());
    if (quiet.contains(stageOf(name))) {
      return;
    }
    for (String line : text.split("\r?\n")) {
      if (!line.isBlank()) {
        events.emit(new StepOutput(clock.instant(), stageOf(name), name.step(), line));
      }
    }
  }

  /** The vertices seen, in first-seen order, each in its latest state. */
  synchronized List<Vertex> vertices() {
    return List.copyOf(vertices.values());
  }

  /** The stage a vertex name belongs to; single-stage Dockerfiles name none. */
  String stageOf(VertexName name) {
    return name.stage().orElse(singleStage ? onlyStage : "");
  }

  private static StepState stateOf(Vertex v) {
    if (v.error().isPresent()) {
      return StepState.FAILED;
    }
    if (v.cached()) {
      return v.completed().isPresent() || v.started().isEmpty() ? StepState.CACHED : null;
    }
    if (v.completed().isPresent()) {
      return StepState.DONE;
    }
    return v.started().isPresent() ? StepState.RUNNING : null;
  }
}
