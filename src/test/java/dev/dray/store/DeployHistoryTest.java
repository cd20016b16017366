package dev.dray.store;

/** The {@link DeployHistoryContract} on SQLite files. */
class DeployHistoryTest extends DeployHistoryContract {
  private int databases;

  @Override
  protected StoreLocation newDatabase() {
    return StoreLocation.file(dir.resolve("dray-" + ++databases + ".db"));
  }
}
