package dev.dray.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the repeated, partial vertex updates of a BuildKit trace by digest, keeping each field's
 * latest value and the order in which vertices first appeared.
 */
final class TraceAccumulator {
  private final Map<String, Vertex> vertices = new LinkedHashMap<>();

  /** Merges an update into what is known about its vertex and returns the merged vertex. */
  Vertex merge(Vertex update) {
    return vertices.merge(update.digest(), update, TraceAccumulator::combine);
  }

  Optional<Vertex> get(String digest) {
    return Optional.ofNullable(vertices.get(digest));
  }

  /** Every vertex seen, in first-seen order. */
  List<Vertex> vertices() {
    return List.copyOf(vertices.values());
  }

  static Vertex combine(Vertex old, Vertex update) {
    Optional<Instant> completed = update.completed().or(old::completed);
    // A vertex that starts again after it completed (a retry) is running, not finished.
    if (update.completed().isEmpty()
        && update.started().isPresent()
        && completed.isPresent()
        && update.started().get().isAfter(completed.get())) {
      completed = Optional.empty();
    }
    return new Vertex(
        update.digest(),
        update.inputs().isEmpty() ? old.inputs() : update.inputs(),
        update.name().isEmpty() ? old.name() : update.name(),
        old.cached() || update.cached(),
        update.started().or(old::started),
        completed,
        update.error().or(old::error));
  }
}
