package dev.dray.engine;

import java.time.Instant;
import java.util.Optional;

/** A chunk of output a vertex wrote (stream 1 is stdout, 2 stderr), not necessarily whole lines. */
record VertexLog(String vertex, Optional<Instant> timestamp, int stream, String text) {}
