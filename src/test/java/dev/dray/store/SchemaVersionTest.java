package dev.dray.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaVersionTest {
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

  @TempDir Path dir;

  @Test
  void knowsEveryMigrationFileWithTheChecksumFlywayRecordsForIt() throws Exception {
    Set<Integer> files;
    try (Stream<Path> list = Files.list(Path.of("src/main/resources/db/migration"))) {
      files =
          list.map(f -> MIGRATION.matcher(f.getFileName().toString()))
              .filter(Matcher::matches)
              .map(m -> Integer.parseInt(m.group(1)))
              .collect(Collectors.toSet());
    }
    Path file = dir.resolve("fresh.db");
    Store.open(file).close();
    Map<Integer, Integer> recorded = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version, checksum FROM flyway_schema_history")) {
      while (rs.next()) {
        recorded.put(Integer.parseInt(rs.getString(1)), rs.getInt(2));
      }
    }

    assertThat(SchemaVersion.MIGRATIONS.keySet())
        .as("a migration file was added or removed: update SchemaVersion.MIGRATIONS")
        .isEqualTo(files);
    assertThat(SchemaVersion.MIGRATIONS)
        .as("Flyway's checksums; a migration file changed: update SchemaVersion.MIGRATIONS")
        .isEqualTo(recorded);
  }

  @Test
  void aFreshlyMigratedStoreIsCurrentAndAnEmptyDatabaseIsNot() throws SQLException {
    Path file = dir.resolve("dray.db");
    var location = StoreLocation.file(file);
    StoreConnections.createDirectories(location);
    assertThat(SchemaVersion.isCurrent(StoreConnections.forQueries(location))).isFalse();

    Store.open(file).close();

    assertThat(SchemaVersion.isCurrent(StoreConnections.forQueries(location))).isTrue();
  }

  @Test
  void aStoreWithAFailedOrMissingMigrationIsNotCurrentAndOpeningItMigratesAgain()
      throws SQLException {
    Path file = dir.resolve("dray.db");
    Store.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '3'");
      st.executeUpdate("DROP TABLE webhook_deliveries");
      st.executeUpdate("DROP TABLE api_tokens");
    }
    var location = StoreLocation.file(file);
    assertThat(SchemaVersion.isCurrent(StoreConnections.forQueries(location))).isFalse();

    try (Store store = Store.open(file)) {
      assertThat(store.deliveries().firstTime("delivery-1", java.time.Instant.EPOCH)).isTrue();
      assertThat(store.tokens().find("default")).isEmpty();
    }

    assertThat(SchemaVersion.isCurrent(StoreConnections.forQueries(location))).isTrue();
  }
}
