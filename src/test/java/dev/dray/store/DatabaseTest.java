package dev.dray.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test that opens stores on databases of its own: each test asks for new ones and drops them when
 * it ends, so that tests and parallel runs never see each other's rows.
 */
abstract class DatabaseTest {
  /** A directory of this test's own, removed after it. */
  @TempDir Path dir;

  /** A new, empty database for this test; each call gives another one. */
  protected abstract StoreLocation newDatabase();

  /** Removes the databases this test created; nothing to do where they live in {@link #dir}. */
  protected void dropDatabases() {}
}
