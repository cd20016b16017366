package dev.dray.build;

import dev.dray.DrayException;

/** The root of errors raised while planning or running a build. */
public abstract class BuildException extends DrayException {
  private static final long serialVersionUID = 1L;

  protected BuildException(String message, String hint) {
    super(message, hint);
  }

  protected BuildException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
