package dev.dray.store;

/** The {@link DeployLocksContract} on SQLite files. */
class DeployLocksTest extends DeployLocksContract {
  private int databases;

  @Override
  protected StoreLocation newDatabase() {
    return StoreLocation.file(dir.resolve("dray-" + ++databases + ".db"));
  }
}
