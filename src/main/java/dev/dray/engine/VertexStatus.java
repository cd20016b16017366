package dev.dray.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * Progress of one sub-task of a vertex, such as {@code exporting layers} or a layer download, with
 * {@code current} of {@code total} units (0 when unknown).
 */
public record VertexStatus(
    String id,
    String vertex,
    String name,
    long current,
    long total,
    Optional<Instant> timestamp,
    Optional<Instant> started,
    Optional<Instant> completed) {}
