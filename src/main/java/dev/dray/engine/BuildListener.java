package dev.dray.engine;

/**
 * Receives a build's progress as the BuildKit trace arrives. Called on the thread running the
 * build; every method defaults to doing nothing.
 */
public interface BuildListener {
  /** A listener that ignores everything. */
  BuildListener NONE = new BuildListener() {};

  /** A vertex appeared or changed; {@code merged} holds everything known about it so far. */
  default void vertexChanged(Vertex merged) {}

  /** A vertex wrote output (stream 1 stdout, 2 stderr); {@code text} may hold partial lines. */
  default void log(String vertexDigest, int stream, String text) {}

  /** Progress of a vertex's sub-task, such as a layer export or download. */
  default void status(VertexStatus status) {}

  /** A line of the classic builder's output, for engines that build without BuildKit. */
  default void classicOutput(String text) {}
}
