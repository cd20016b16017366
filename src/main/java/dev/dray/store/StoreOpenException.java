package dev.dray.store;

import org.jdbi.v3.core.JdbiException;

/** The store's database could not be opened, or its schema could not be brought up to date. */
public final class StoreOpenException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String location;

  private StoreOpenException(String message, String location, String hint, Throwable cause) {
    super(message, hint, cause);
    this.location = location;
  }

  static StoreOpenException cannotOpen(StoreLocation location, Throwable cause) {
    return new StoreOpenException(
        "cannot open the dray store at " + location + ": " + reason(location, cause),
        location.toString(),
        location.isSqlite()
            ? "check that the directory exists and is writable by you, or set DRAY_HOME to a"
                + " writable directory (the store is then $DRAY_HOME/dray.db)"
            : "check that the database server (e.g. PostgreSQL) runs and accepts connections at"
                + " that address, and that the database, user and password in the URL are right",
        safe(location, cause));
  }

  static StoreOpenException cannotMigrate(StoreLocation location, Throwable cause) {
    return new StoreOpenException(
        "cannot update the schema of the dray store at "
            + location
            + ": "
            + reason(location, cause),
        location.toString(),
        location.isSqlite()
            ? "check that the database is writable by you and was not written by a newer dray; to"
                + " start with an empty history, set DRAY_HOME to another directory"
            : "check that the database user may create tables in the schema and that the schema"
                + " was not written by a newer dray; to start with an empty history, use another"
                + " schema (currentSchema=… in the URL)",
        safe(location, cause));
  }

  /** The database that failed: a file path or a JDBC URL without its password. */
  public String location() {
    return location;
  }

  /**
   * The cause itself, or when its message repeats a password, a stand-in with the message redacted
   * and the same stack trace, so that {@code --debug} output shows no password either.
   */
  static Throwable safe(StoreLocation location, Throwable cause) {
    String message = cause.getMessage();
    if (message == null || location.redact(message).equals(message)) {
      return cause;
    }
    Throwable standIn =
        new IllegalStateException(
            cause.getClass().getName() + ": " + location.redact(message),
            cause.getCause() == null ? null : safe(location, cause.getCause()));
    standIn.setStackTrace(cause.getStackTrace());
    return standIn;
  }

  /**
   * The cause's message, without any password the driver copied into it; for a failed statement,
   * the database's message rather than JDBI's, which repeats the statement and its arguments.
   */
  static String reason(StoreLocation location, Throwable cause) {
    Throwable reported =
        cause instanceof JdbiException && cause.getCause() != null ? cause.getCause() : cause;
    String message = reported.getMessage();
    return message == null || message.isBlank()
        ? reported.getClass().getSimpleName()
        : location.redact(message);
  }
}
