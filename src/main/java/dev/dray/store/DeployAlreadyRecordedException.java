package dev.dray.store;

/** A deploy was started a second time under an id the deploy history already holds. */
public final class DeployAlreadyRecordedException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String deployId;

  DeployAlreadyRecordedException(String deployId) {
    super(
        "deploy " + deployId + " is already in the deploy history",
        "each deploy needs its own id; start a deploy once and retry with a new id",
        null);
    this.deployId = deployId;
  }

  public String deployId() {
    return deployId;
  }
}
