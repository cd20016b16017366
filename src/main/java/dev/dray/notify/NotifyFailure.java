package dev.dray.notify;

import java.util.Objects;
import java.util.Optional;

/**
 * A notification that was not delivered, recorded instead of thrown so that it never fails a
 * deploy: which notifier (secrets masked), what went wrong and what to check.
 */
public record NotifyFailure(String notifier, String message, Optional<String> hint) {
  public NotifyFailure {
    Objects.requireNonNull(notifier, "notifier");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  /** The failure a notifier reported. */
  public static NotifyFailure of(Notifier notifier, NotifyException error) {
    return new NotifyFailure(notifier.describe(), error.getMessage(), error.hint());
  }
}
