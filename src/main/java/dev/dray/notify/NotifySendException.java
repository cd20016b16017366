package dev.dray.notify;

import java.util.OptionalInt;

/**
 * A notification that could not be delivered: which notifier (its URL with secrets masked), the
 * HTTP status or SMTP failure, and the cause with secrets removed from its messages.
 */
public final class NotifySendException extends NotifyException {
  private static final long serialVersionUID = 1L;

  private final String notifier;
  private final Integer status;
  private final String reason;

  /**
   * @param notifier {@link Notifier#describe()} of the notifier that failed
   * @param status the HTTP status the service answered with, when it answered
   * @param reason why it failed, free of secrets
   * @param hint what to check or change
   * @param cause the underlying failure with secrets already removed, or null
   */
  public NotifySendException(
      String notifier, OptionalInt status, String reason, String hint, Throwable cause) {
    super("could not notify " + notifier + ": " + reason, hint, cause);
    this.notifier = notifier;
    this.status = status.isPresent() ? status.getAsInt() : null;
    this.reason = reason;
  }

  /** The notifier that failed, as {@link Notifier#describe()} shows it. */
  public String notifier() {
    return notifier;
  }

  /** The HTTP status of the last answer, when the service answered at all. */
  public OptionalInt status() {
    return status == null ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** Why it failed. */
  public String reason() {
    return reason;
  }
}
