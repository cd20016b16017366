package dev.dray.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * New schemas {@code it_<random>} in the test PostgreSQL database, one per store a test opens,
 * dropped with everything in them when the test ends.
 *
 * <p>The server is the one {@code scripts/test-env.sh} starts; {@code DRAY_TEST_POSTGRES_URL} names
 * another. When it cannot be reached, {@link #create()} fails the test saying so.
 */
final class PostgresSchemas {
  static final String DEFAULT_URL =
      "jdbc:postgresql://127.0.0.1:5432/dray?user=dray&password=dray-secret";

  private final String url;
  private final List<String> created = new ArrayList<>();

  PostgresSchemas() {
    this(System.getenv().getOrDefault("DRAY_TEST_POSTGRES_URL", DEFAULT_URL));
  }

  PostgresSchemas(String url) {
    this.url = url;
  }

  /** The server's URL with any password hidden, for messages. */
  String shown() {
    return new StoreLocation(url).toString();
  }

  /** A new empty schema, as a store location whose connections use it. */
  StoreLocation create() {
    String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("CREATE SCHEMA " + schema);
    created.add(schema);
    return location(schema);
  }

  /** The location of {@code schema} on this server. */
  StoreLocation location(String schema) {
    return new StoreLocation(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
  }

  /** Drops every schema {@link #create()} made, with its tables. */
  void dropAll() {
    for (String schema : created) {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
    created.clear();
  }

  private void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL is not reachable or refused '"
              + sql
              + "' at "
              + shown()
              + ": "
              + new StoreLocation(url).redact(String.valueOf(e.getMessage()))
              + " — start it with scripts/test-env.sh (database dray, user dray) or set"
              + " DRAY_TEST_POSTGRES_URL",
          null);
    }
  }
}
