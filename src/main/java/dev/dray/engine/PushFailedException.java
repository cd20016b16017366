package dev.dray.engine;

import dev.dray.image.ImageRef;

/**
 * A push the engine could not complete; {@code retryable} when the cause looks transient
 * (connection reset, timeout, registry 5xx).
 */
public final class PushFailedException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final String ref;
  private final String engineMessage;
  private final boolean retryable;

  public PushFailedException(ImageRef ref, String engineMessage, boolean retryable) {
    super(
        "pushing " + ref + " failed: " + engineMessage,
        retryable
            ? "the registry " + ref.registry() + " looks unavailable or slow: retry the push"
            : "check that the image exists locally (docker images) and that "
                + ref.registry()
                + " accepts "
                + ref.name());
    this.ref = ref.toString();
    this.engineMessage = engineMessage;
    this.retryable = retryable;
  }

  public ImageRef ref() {
    return ImageRef.parse(ref);
  }

  public String engineMessage() {
    return engineMessage;
  }

  public boolean retryable() {
    return retryable;
  }
}
