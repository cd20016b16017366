package dev.dray.cli;

import dev.dray.DrayException;

/** Something the user typed or named on the command line is wrong or does not exist. */
final class CliInputException extends DrayException {
  private static final long serialVersionUID = 1L;

  CliInputException(String message, String hint) {
    super(message, hint);
  }
}
