package dev.dray.build;

import dev.dray.image.Digest;
import dev.dray.image.ImageRef;
import java.util.Optional;

/** Asks a registry for the digest of a tag; the seam over {@code RegistryClient#manifestDigest}. */
@FunctionalInterface
public interface ManifestLookup {
  Optional<Digest> digestOf(ImageRef ref);
}
