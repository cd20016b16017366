package dev.dray.server;

import dev.dray.DrayException;

/** The root of {@code dray server}'s errors: it could not start, or refused a request. */
public abstract class ServerException extends DrayException {
  private static final long serialVersionUID = 1L;

  protected ServerException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
