package dev.dray.cli;

import dev.dray.DrayException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into what a user should read: {@code error: …} with the
 * hint on the next line, and the stack trace only with {@code --debug}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  /** Exit code for errors dray understood (bad input, unreachable services, failed builds). */
  static final int FAILED = 1;

  /** Exit code for errors dray did not expect: a bug. */
  static final int BUG = 70;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    boolean debug = parsed.hasMatchedOption("--debug") || hasDebug(parsed);
    Terminal term = Terminal.plain();
    if (ex instanceof DrayException dray) {
      err.println(term.red("error: ") + dray.getMessage());
      dray.hint().ifPresent(h -> err.println("hint: " + h));
      if (debug) {
        ex.printStackTrace(err);
      }
      err.flush();
      return FAILED;
    }
    err.println("error: unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
    if (debug) {
      ex.printStackTrace(err);
    } else {
      err.println("hint: run again with --debug for the stack trace, and report it as a bug");
    }
    err.flush();
    return BUG;
  }

  private static boolean hasDebug(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
