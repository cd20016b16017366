package dev.dray.dockerfile;

import dev.dray.DrayException;
import java.util.OptionalInt;

/**
 * A Dockerfile that dray cannot read or a request it cannot answer, named by file and line.
 *
 * <p>The message reads like a compiler's: {@code Dockerfile:12: unknown instruction 'RUNN'}, or
 * {@code Dockerfile: ...} when no single line is at fault.
 */
public class DockerfileException extends DrayException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String reason;

  /** A problem at {@code line} (1-based) of {@code file}; {@code line} 0 means the whole file. */
  public DockerfileException(String file, int line, String reason, String hint) {
    super(format(file, line, reason), hint);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  private static String format(String file, int line, String reason) {
    return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
  }

  /** The file name as given to the parser, such as {@code Dockerfile}. */
  public String file() {
    return file;
  }

  /** The 1-based line at fault, when one is. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** The message without the file and line prefix. */
  public String reason() {
    return reason;
  }
}
