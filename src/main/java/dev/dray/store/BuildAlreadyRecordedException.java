package dev.dray.store;

/** A build report was recorded a second time under an id the history already holds. */
public final class BuildAlreadyRecordedException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String buildId;

  BuildAlreadyRecordedException(String buildId) {
    super(
        "build " + buildId + " is already in the build history",
        "each build needs its own id; record a build once, after it has finished",
        null);
    this.buildId = buildId;
  }

  public String buildId() {
    return buildId;
  }
}
