package dev.dray.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A local image as the engine describes it: ID, tags, registry digests, size, layers, labels. */
public record ImageDetails(
    String id,
    List<String> repoTags,
    List<String> repoDigests,
    long size,
    int layerCount,
    Map<String, String> labels,
    Optional<Instant> created) {

  public ImageDetails {
    Objects.requireNonNull(id, "id");
    repoTags = List.copyOf(repoTags);
    repoDigests = List.copyOf(repoDigests);
    labels = Map.copyOf(labels);
  }
}
