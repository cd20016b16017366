package dev.dray.engine;

import java.util.List;

/** One decoded {@code moby.buildkit.v1.StatusResponse}: vertices, statuses and logs. */
record StatusUpdate(List<Vertex> vertices, List<VertexStatus> statuses, List<VertexLog> logs) {
  StatusUpdate {
    vertices = List.copyOf(vertices);
    statuses = List.copyOf(statuses);
    logs = List.copyOf(logs);
  }
}
