package dev.dray.notify;

import dev.dray.DrayException;

/**
 * The root of notification errors: a notify URL that cannot be used ({@link NotifyUrlException}) or
 * a notification that could not be delivered ({@link NotifySendException}). Messages never hold a
 * token or password.
 */
public abstract class NotifyException extends DrayException {
  private static final long serialVersionUID = 1L;

  protected NotifyException(String message, String hint) {
    super(message, hint);
  }

  protected NotifyException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
