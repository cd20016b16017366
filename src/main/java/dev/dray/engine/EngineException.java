package dev.dray.engine;

import dev.dray.DrayException;

/**
 * The root of every failure talking to a Docker Engine: unreachable daemon, unsupported API, failed
 * build, push or pull.
 */
public abstract class EngineException extends DrayException {
  private static final long serialVersionUID = 1L;

  protected EngineException(String message, String hint) {
    super(message, hint);
  }

  protected EngineException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
