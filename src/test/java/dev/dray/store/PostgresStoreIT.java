package dev.dray.store;

import static dev.dray.store.BuildReports.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The store on the PostgreSQL that {@code scripts/test-env.sh} starts: every contract the SQLite
 * file meets, each test in schemas of its own, and what only a server does (a password to keep out
 * of messages, a server that is down).
 */
class PostgresStoreIT {
  private final PostgresSchemas schemas = new PostgresSchemas();

  @AfterEach
  void dropSchemas() {
    schemas.dropAll();
  }

  @Test
  void keepsItsTablesInTheSchemaOfTheUrl() throws SQLException {
    StoreLocation location = schemas.create();
    try (Store store = Store.open(location)) {
      store.deploys().start(Deploys.started("d-1", "hello", T0));
    }

    assertThat(
            StoreContract.query(
                location,
                "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                    + " WHERE table_name = 'deploys'"))
        .contains(location.jdbcUrl().replaceAll(".*currentSchema=", "") + ".deploys")
        .noneMatch(table -> table.startsWith("public."));
  }

  @Test
  void reportsAServerThatIsDownWithoutThePassword() {
    String url = "jdbc:postgresql://127.0.0.1:1/dray?user=dray&password=hunter2";

    assertThatThrownBy(() -> Store.open(url))
        .isInstanceOfSatisfying(
            StoreOpenException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("jdbc:postgresql://127.0.0.1:1/dray?user=dray&password=***")
                  .doesNotContain("hunter2");
              assertThat(e.location()).doesNotContain("hunter2");
              assertThat(e.hint())
                  .hasValueSatisfying(hint -> assertThat(hint).contains("PostgreSQL"));
              assertThat(e.getCause()).hasMessageNotContaining("hunter2");
            });
  }

  @Test
  void reportsAWrongPasswordWithoutRepeatingIt() {
    StoreLocation location = schemas.create();
    String wrong = location.jdbcUrl().replaceAll("password=[^&]*", "password=hunter2");
    assertThat(wrong).contains("password=hunter2");

    assertThatThrownBy(() -> Store.open(wrong))
        .isInstanceOfSatisfying(
            StoreOpenException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("password authentication failed", "password=***")
                  .doesNotContain("hunter2");
              assertThat(e.getCause()).hasMessageNotContaining("hunter2");
            });
  }

  @Nested
  class Stores extends StoreContract {
    @Override
    protected StoreLocation newDatabase() {
      return schemas.create();
    }

    @Override
    protected void dropDatabases() {
      schemas.dropAll();
    }

    @Override
    protected List<String> columns(StoreLocation location) throws SQLException {
      return query(
          location,
          "SELECT table_name || '.' || column_name FROM information_schema.columns"
              + " WHERE table_schema = current_schema() AND table_name NOT LIKE 'flyway%'");
    }
  }

  @Nested
  class Builds extends BuildHistoryContract {
    @Override
    protected StoreLocation newDatabase() {
      return schemas.create();
    }

    @Override
    protected void dropDatabases() {
      schemas.dropAll();
    }
  }

  @Nested
  class DeployHistories extends DeployHistoryContract {
    @Override
    protected StoreLocation newDatabase() {
      return schemas.create();
    }

    @Override
    protected void dropDatabases() {
      schemas.dropAll();
    }
  }

  @Nested
  class Locks extends DeployLocksContract {
    @Override
    protected StoreLocation newDatabase() {
      return schemas.create();
    }

    @Override
    protected void dropDatabases() {
      schemas.dropAll();
    }
  }

  @Nested
  class Audit extends AuditLogContract {
    @Override
    protected StoreLocation newDatabase() {
      return schemas.create();
    }

    @Override
    protected void dropDatabases() {
      schemas.dropAll();
    }
  }
}
