package dev.dray.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container as the engine lists it: identity, image, labels, state and creation time.
 *
 * @param state {@code created}, {@code running}, {@code paused}, {@code restarting}, {@code
 *     removing}, {@code exited} or {@code dead}
 */
public record ContainerSummary(
    String id,
    String name,
    String image,
    String imageId,
    Map<String, String> labels,
    String state,
    Optional<Instant> created) {

  public ContainerSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(imageId, "imageId");
    Objects.requireNonNull(state, "state");
    labels = Map.copyOf(labels);
  }

  public boolean running() {
    return state.equals("running");
  }
}
