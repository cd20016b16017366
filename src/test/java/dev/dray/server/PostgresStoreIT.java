package dev.dray.server;

import static dev.dray.server.ServerIt.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.Secret;
import dev.dray.store.ApiTokenRecord;
import dev.dray.store.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server's tables on PostgreSQL (the shared store of {@code --store jdbc:postgresql://…}), each
 * test in a schema of its own in the test environment's {@code dray} database.
 */
class PostgresStoreIT {
  private static final String BASE = "jdbc:postgresql://127.0.0.1:5432/dray";
  private static final String CREDENTIALS = "user=dray&password=dray-secret";

  private final String schema = "it_server_core_" + UUID.randomUUID().toString().substring(0, 8);
  private Store store;

  @BeforeEach
  void createSchema() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL (role dray, database dray) is not reachable on 127.0.0.1:5432: run"
              + " scripts/test-env.sh up\n"
              + e.getMessage(),
          e);
    }
    store = Store.open(BASE + "?" + CREDENTIALS + "&currentSchema=" + schema);
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (store != null) {
      store.close();
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(BASE + "?" + CREDENTIALS);
  }

  @Test
  void keepsTokensAndDeliveriesOnPostgres() {
    Instant at = Instant.parse("2026-11-22T10:00:00Z");
    ApiTokenRecord first = new ApiTokenRecord("default", "a".repeat(64), at);
    ApiTokenRecord second = new ApiTokenRecord("default", "b".repeat(64), at.plusSeconds(1));

    assertThat(store.tokens().createIfAbsent(first)).isTrue();
    assertThat(store.tokens().createIfAbsent(second)).isFalse();
    assertThat(store.tokens().find("default")).contains(first);
    store.tokens().replace(second);
    assertThat(store.tokens().find("default")).contains(second);

    assertThat(store.deliveries().firstTime("delivery-1", at)).isTrue();
    assertThat(store.deliveries().firstTime("delivery-1", at)).isFalse();
    assertThat(store.deliveries().forgetBefore(at.plusSeconds(1))).isEqualTo(1);
    assertThat(store.deliveries().firstTime("delivery-1", at)).isTrue();
  }

  @Test
  void aServerOnPostgresMakesItsTokenAndChecksIt() {
    List<Secret> shown = new ArrayList<>();
    try (DrayServer server =
        DrayServer.builder(store).port(0).onNewToken(shown::add).build().start()) {
      assertThat(shown).hasSize(1);
      assertThat(get(server.url(), "/api/apps", shown.get(0).reveal()).statusCode()).isEqualTo(200);
      assertThat(get(server.url(), "/api/apps", "wrong").statusCode()).isEqualTo(401);
    }
  }
}
