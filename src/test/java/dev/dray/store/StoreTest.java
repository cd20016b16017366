package dev.dray.store;

import static dev.dray.store.BuildReports.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dray.build.BuildReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link StoreContract} on SQLite files, and what only SQLite files do. */
class StoreTest extends StoreContract {
  private int databases;

  @Override
  protected StoreLocation newDatabase() {
    return StoreLocation.file(dir.resolve("dray-" + ++databases + ".db"));
  }

  @Override
  protected List<String> columns(StoreLocation location) throws SQLException {
    return query(
        location,
        "SELECT m.name || '.' || c.name FROM sqlite_master m, pragma_table_info(m.name) c"
            + " WHERE m.type = 'table' AND m.name NOT LIKE 'flyway%'"
            + " AND m.name NOT LIKE 'sqlite%'");
  }

  @Test
  void createsMissingDirectoriesForTheFile() {
    Path file = dir.resolve("a").resolve("b").resolve("dray.db");

    try (Store store = Store.open(file)) {
      assertThat(store.location().sqliteFile()).contains(file);
    }

    assertThat(file).isRegularFile();
  }

  @Test
  void opensTheFileInWalModeWithABusyTimeout() throws SQLException {
    StoreLocation location = newDatabase();
    try (Store store = Store.open(location)) {
      assertThat(query(location, "PRAGMA journal_mode")).containsExactly("wal");
    }
  }

  @Test
  void opensASharedInMemoryDatabaseForAsLongAsTheStoreIsOpen() {
    String url = "jdbc:sqlite:file:store-test-" + System.nanoTime() + "?mode=memory&cache=shared";
    BuildReport report = BuildReports.full("b-mem", "web", T0);
    try (Store store = Store.open(url)) {
      store.builds().record(report);
      assertThat(store.builds().find("b-mem")).contains(report);
      assertThat(store.location().sqliteFile()).isEmpty();
    }
  }

  @Test
  void reportsAFileItCannotCreateWithThePathAndAHint() throws Exception {
    Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
    Path file = blocker.resolve("dray.db");

    assertThatThrownBy(() -> Store.open(file))
        .isInstanceOfSatisfying(
            StoreOpenException.class,
            e -> {
              assertThat(e.location()).isEqualTo(file.toString());
              assertThat(e.getMessage()).contains(file.toString());
              assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("DRAY_HOME"));
            });
  }

  @Test
  void reportsAFileThatIsNotADatabase() throws Exception {
    Path file =
        Files.writeString(dir.resolve("dray.db"), "this is not an SQLite database, ".repeat(50));

    assertThatThrownBy(() -> Store.open(file))
        .isInstanceOf(StoreOpenException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void reportsAJdbcUrlWithoutADriverWithoutItsPassword() {
    assertThatThrownBy(
            () -> Store.open("jdbc:nosuchdb://db.example/dray?user=dray&password=hunter2"))
        .isInstanceOfSatisfying(
            StoreOpenException.class,
            e -> {
              assertThat(e.getMessage()).contains("jdbc:nosuchdb://db.example/dray");
              assertThat(e.getMessage()).doesNotContain("hunter2");
              assertThat(e.location()).doesNotContain("hunter2");
              assertThat(e.getCause()).hasMessageNotContaining("hunter2");
            });
  }
}
