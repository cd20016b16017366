package dev.dray.store;

/** Reading or writing the store failed after it was opened (locked too long, disk full, …). */
public final class StoreAccessException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String location;

  StoreAccessException(StoreLocation location, String action, Throwable cause) {
    super(
        "could not "
            + action
            + " in the dray store at "
            + location
            + ": "
            + StoreOpenException.reason(location, cause),
        "if another dray process is busy with the same store, retry; otherwise check free disk"
            + " space and that "
            + location
            + " is writable",
        StoreOpenException.safe(location, cause));
    this.location = location.toString();
  }

  /** The database that failed: a file path or a JDBC URL without its password. */
  public String location() {
    return location;
  }
}
