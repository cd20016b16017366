package dev.dray.proxy;

import dev.dray.DrayException;

/**
 * The root of every failure of the edge proxy: it cannot start, a port is taken, a runtime command
 * was refused, a new server never became healthy.
 */
public abstract class ProxyException extends DrayException {
  private static final long serialVersionUID = 1L;

  protected ProxyException(String message, String hint) {
    super(message, hint);
  }

  protected ProxyException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
