package dev.dray.image;

import dev.dray.DrayException;

/** An image reference, tag or digest that does not follow the Docker reference grammar. */
public final class InvalidReferenceException extends DrayException {
  private static final long serialVersionUID = 1L;

  private final String input;

  public InvalidReferenceException(String input, String reason) {
    super(
        "invalid image reference '" + input + "': " + reason,
        "references look like registry.example.com/team/app:tag or …@sha256:<digest>");
    this.input = input;
  }

  public String input() {
    return input;
  }
}
