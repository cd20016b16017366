package dev.dray.registry;

import dev.dray.image.ImageRef;

/** The registry has no manifest for the tag or digest asked for. */
public final class ManifestNotFoundException extends RegistryException {
  private static final long serialVersionUID = 1L;

  private final ImageRef ref;

  public ManifestNotFoundException(ImageRef ref) {
    super(
        "no manifest for " + ref + " in registry " + ref.registry(),
        "check the tag or digest of " + ref.name() + ", or push the image first");
    this.ref = ref;
  }

  public ImageRef ref() {
    return ref;
  }
}
