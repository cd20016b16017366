package dev.dray.deploy;

import dev.dray.DrayException;

/** The root of errors raised while planning or running a rollout. */
public class DeployException extends DrayException {
  private static final long serialVersionUID = 1L;

  public DeployException(String message, String hint) {
    super(message, hint);
  }

  public DeployException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
