package dev.dray.engine;

import java.util.ArrayList;
import java.util.List;

/** Records every callback of a build, for assertions. */
final class RecordingBuildListener implements BuildListener {
  final List<Vertex> vertices = new ArrayList<>();
  final List<String> logs = new ArrayList<>();
  final List<VertexStatus> statuses = new ArrayList<>();
  final List<String> classic = new ArrayList<>();

  @Override
  public synchronized void vertexChanged(Vertex merged) {
    vertices.add(merged);
  }

  @Override
  public synchronized void log(String vertexDigest, int stream, String text) {
    logs.add(vertexDigest + " " + stream + " " + text);
  }

  @Override
  public synchronized void status(VertexStatus status) {
    statuses.add(status);
  }

  @Override
  public synchronized void classicOutput(String text) {
    classic.add(text);
  }
}
