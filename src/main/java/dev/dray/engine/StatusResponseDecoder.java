package dev.dray.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the protobuf {@code moby.buildkit.v1.StatusResponse} carried in {@code
 * moby.buildkit.trace} messages; unknown fields (warnings and later additions) are skipped.
 */
final class StatusResponseDecoder {
  private StatusResponseDecoder() {}

  static StatusUpdate decode(byte[] bytes) {
    List<Vertex> vertices = new ArrayList<>();
    List<VertexStatus> statuses = new ArrayList<>();
    List<VertexLog> logs = new ArrayList<>();
    ProtoReader r = new ProtoReader(bytes);
    while (r.next()) {
      switch (r.field()) {
        case 1 -> vertices.add(vertex(r.message()));
        case 2 -> statuses.add(status(r.message()));
        case 3 -> logs.add(log(r.message()));
        default -> r.skip();
      }
    }
    return new StatusUpdate(vertices, statuses, logs);
  }

  private static Vertex vertex(ProtoReader r) {
    String digest = "";
    List<String> inputs = new ArrayList<>();
    String name = "";
    boolean cached = false;
    Optional<Instant> started = Optional.empty();
    Optional<Instant> completed = Optional.empty();
    Optional<String> error = Optional.empty();
    while (r.next()) {
      switch (r.field()) {
        case 1 -> digest = r.string();
        case 2 -> inputs.add(r.string());
        case 3 -> name = r.string();
        case 4 -> cached = r.bool();
        case 5 -> started = Optional.of(r.timestamp());
        case 6 -> completed = Optional.of(r.timestamp());
        case 7 -> error = Optional.of(r.string()).filter(e -> !e.isEmpty());
        default -> r.skip();
      }
    }
    return new Vertex(digest, inputs, name, cached, started, completed, error);
  }

  private static VertexStatus status(ProtoReader r) {
    String id = "";
    String vertex = "";
    String name = "";
    long current = 0;
    long total = 0;
    Optional<Instant> timestamp = Optional.empty();
    Optional<Instant> started = Optional.empty();
    Optional<Instant> completed = Optional.empty();
    while (r.next()) {
      switch (r.field()) {
        case 1 -> id = r.string();
        case 2 -> vertex = r.string();
        case 3 -> name = r.string();
        case 4 -> current = r.varint();
        case 5 -> total = r.varint();
        case 6 -> timestamp = Optional.of(r.timestamp());
        case 7 -> started = Optional.of(r.timestamp());
        case 8 -> completed = Optional.of(r.timestamp());
        default -> r.skip();
      }
    }
    return new VertexStatus(id, vertex, name, current, total, timestamp, started, completed);
  }

  private static VertexLog log(ProtoReader r) {
    String vertex = "";
    Optional<Instant> timestamp = Optional.empty();
    int stream = 0;
    String text = "";
    while (r.next()) {
      switch (r.field()) {
        case 1 -> vertex = r.string();
        case 2 -> timestamp = Optional.of(r.timestamp());
        case 3 -> stream = (int) r.varint();
        case 4 -> text = r.string();
        default -> r.skip();
      }
    }
    return new VertexLog(vertex, timestamp, stream, text);
  }
}
