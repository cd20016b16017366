package dev.dray;

import java.util.Optional;

/**
 * The root of every error dray reports to a user: a message saying what happened and why, and a
 * hint saying what to run or change next.
 *
 * <p>Each domain package has its own subclass carrying the data of its failures. The CLI prints
 * {@link #getMessage()} and {@link #hint()} and shows the stack trace only with {@code --debug}.
 */
public abstract class DrayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String hint;

  protected DrayException(String message, String hint) {
    this(message, hint, null);
  }

  protected DrayException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  /** What the user should run or change next, when dray knows. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint).filter(h -> !h.isBlank());
  }
}
