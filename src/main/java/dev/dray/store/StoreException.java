package dev.dray.store;

import dev.dray.DrayException;

/** The root of the store's errors: the database could not be opened, migrated, read or written. */
public abstract class StoreException extends DrayException {
  private static final long serialVersionUID = 1L;

  protected StoreException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
