package dev.dray.engine;

import java.nio.file.Path;

/** The build context could not be read or sent: a missing directory or Dockerfile, an I/O error. */
public final class BuildContextException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final String context;

  public BuildContextException(Path context, String reason, Throwable cause) {
    super(
        "cannot send build context " + context + ": " + reason,
        "check that the context directory and its Dockerfile exist and are readable",
        cause);
    this.context = context.toString();
  }

  public Path context() {
    return Path.of(context);
  }
}
