package dev.dray.engine;

import dev.dray.image.ImageRef;

/** A registry refused the engine's push or pull for missing or wrong credentials. */
public final class EngineAuthException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final String registry;
  private final String ref;
  private final String operation;

  /**
   * @param operation {@code push} or {@code pull}
   */
  public EngineAuthException(ImageRef ref, String operation, String engineMessage) {
    super(
        operation + " of " + ref + " was refused by " + ref.registry() + ": " + engineMessage,
        "log in to "
            + ref.registry()
            + " (docker login "
            + ref.registry()
            + ") or check that"
            + " the account may "
            + operation
            + " "
            + ref.name());
    this.registry = ref.registry();
    this.ref = ref.toString();
    this.operation = operation;
  }

  /** The registry host that refused, such as {@code 127.0.0.1:5001}. */
  public String registry() {
    return registry;
  }

  public ImageRef ref() {
    return ImageRef.parse(ref);
  }

  public String operation() {
    return operation;
  }
}
