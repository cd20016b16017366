package dev.dray.registry;

import dev.dray.DrayException;

/** The root of errors talking to a container registry. */
public abstract class RegistryException extends DrayException {
  private static final long serialVersionUID = 1L;

  protected RegistryException(String message, String hint) {
    super(message, hint);
  }

  protected RegistryException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
