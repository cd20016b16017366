package dev.dray.build;

/** The built image breaks a limit set in {@code build.max_size} or {@code build.max_layers}. */
public final class BuildGuardException extends BuildException {
  private static final long serialVersionUID = 1L;

  private final String limit;
  private final long actual;
  private final long allowed;

  public BuildGuardException(String limit, long actual, long allowed, String shown) {
    super(
        "the image breaks build." + limit + ": " + shown + "; nothing was pushed",
        "shrink the image (multi-stage copies, fewer RUN layers, .dockerignore) or raise build."
            + limit
            + " in dray.yml");
    this.limit = limit;
    this.actual = actual;
    this.allowed = allowed;
  }

  public String limit() {
    return limit;
  }

  public long actual() {
    return actual;
  }

  public long allowed() {
    return allowed;
  }
}
