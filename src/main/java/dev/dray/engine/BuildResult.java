package dev.dray.engine;

import java.util.List;
import java.util.Objects;

/** A finished build: the image ID and every vertex in the order it first appeared. */
public record BuildResult(String imageId, List<Vertex> vertices) {
  public BuildResult {
    Objects.requireNonNull(imageId, "imageId");
    vertices = List.copyOf(vertices);
  }
}
