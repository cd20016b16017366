package dev.dray.store;

/** The {@link BuildHistoryContract} on SQLite files. */
class BuildHistoryTest extends BuildHistoryContract {
  private int databases;

  @Override
  protected StoreLocation newDatabase() {
    return StoreLocation.file(dir.resolve("dray-" + ++databases + ".db"));
  }
}
