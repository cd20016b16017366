package dev.dray.store;

/** The {@link AuditLogContract} on SQLite files. */
class AuditLogTest extends AuditLogContract {
  private int databases;

  @Override
  protected StoreLocation newDatabase() {
    return StoreLocation.file(dir.resolve("dray-" + ++databases + ".db"));
  }
}
