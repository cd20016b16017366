package dev.dray.image;

import dev.dray.DrayException;
import java.util.List;

/**
 * The Git context (event, ref, commit) of a build could not be determined or is not valid.
 *
 * <p>When discovery failed, {@link #attempts()} lists what each strategy found.
 */
public final class GitContextException extends DrayException {
  private static final long serialVersionUID = 1L;

  private final List<String> attempts;

  GitContextException(String message, String hint) {
    this(message, hint, List.of());
  }

  GitContextException(String message, String hint, List<String> attempts) {
    super(message, hint);
    this.attempts = List.copyOf(attempts);
  }

  /** One line per discovery strategy tried: its name and why it did not give a context. */
  public List<String> attempts() {
    return attempts;
  }
}
