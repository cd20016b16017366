package dev.dray.cli;

import dev.dray.DrayException;

/** Something the user named on the command line does not exist. */
final class NotFoundException extends DrayException {
  private static final long serialVersionUID = 1L;

  NotFoundException(String message, String hint) {
    super(message, hint);
  }
}
