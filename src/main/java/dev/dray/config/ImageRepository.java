package dev.dray.config;

import dev.dray.image.ImageRef;
import dev.dray.image.InvalidReferenceException;
import java.util.Optional;

/** Reads an image repository (a reference without tag or digest) from a config value. */
final class ImageRepository {
  private ImageRepository() {}

  /**
   * The repository written at {@code node}; a problem and empty when it is no reference or has a
   * tag or digest ({@code tagsComeFrom} says where versions come from instead).
   */
  static Optional<ImageRef> read(ConfigNode node, String tagsComeFrom) {
    String text = node.text("");
    ImageRef ref;
    try {
      ref = ImageRef.parse(text);
    } catch (InvalidReferenceException e) {
      node.problem(e.getMessage());
      return Optional.empty();
    }
    if (ref.digest().isPresent()) {
      node.problem("expected a repository without a digest, got '" + text + "'");
      return Optional.empty();
    }
    if (ref.tag().isPresent()) {
      node.problem(
          "expected a repository without a tag, got tag '"
              + ref.tag().get()
              + "'; "
              + tagsComeFrom);
      return Optional.empty();
    }
    return Optional.of(ref);
  }

  /** {@code ref} without its tag and digest. */
  static ImageRef withoutVersion(ImageRef ref) {
    return new ImageRef(ref.registry(), ref.repository(), Optional.empty(), Optional.empty());
  }
}
