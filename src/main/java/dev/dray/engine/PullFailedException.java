package dev.dray.engine;

import dev.dray.image.ImageRef;

/**
 * A pull the engine could not complete, with why: the image is missing or the cause is transient.
 */
public final class PullFailedException extends EngineException {
  private static final long serialVersionUID = 1L;

  /** Why a pull failed. */
  public enum Reason {
    /** The registry has no such repository, tag or digest. */
    NOT_FOUND,
    /** The registry was unreachable, slow or failing; a retry may succeed. */
    TRANSIENT,
    /** Anything else. */
    OTHER
  }

  private final String ref;
  private final String engineMessage;
  private final Reason reason;

  public PullFailedException(ImageRef ref, String engineMessage, Reason reason) {
    super("pulling " + ref + " failed: " + engineMessage, hint(ref, reason));
    this.ref = ref.toString();
    this.engineMessage = engineMessage;
    this.reason = reason;
  }

  public ImageRef ref() {
    return ImageRef.parse(ref);
  }

  public String engineMessage() {
    return engineMessage;
  }

  public Reason reason() {
    return reason;
  }

  public boolean retryable() {
    return reason == Reason.TRANSIENT;
  }

  private static String hint(ImageRef ref, Reason reason) {
    return switch (reason) {
      case NOT_FOUND -> "check the name and tag of " + ref + "; was it pushed?";
      case TRANSIENT -> "the registry " + ref.registry() + " looks unavailable or slow: retry";
      case OTHER -> "check that " + ref.registry() + " is reachable from the Docker host";
    };
  }
}
