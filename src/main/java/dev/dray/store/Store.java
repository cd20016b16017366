package dev.dray.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * dray's database: an SQLite file by default, or a PostgreSQL schema shared by several hosts,
 * opened with its schema migrated to the current version, giving access to the {@link
 * BuildHistory}, the {@link DeployHistory}, the {@link DeployLocks}, the {@link AuditLog}, and for
 * {@code dray server} the {@link ApiTokens} and the {@link WebhookDeliveries}.
 *
 * <p>SQLite files are opened in WAL mode with a busy timeout, so several dray processes can read
 * and write the same file; a writer waits up to {@link #BUSY_TIMEOUT_MILLIS} for another one.
 *
 * <p>PostgreSQL is opened from a URL such as {@code
 * jdbc:postgresql://db:5432/dray?user=dray&password=…&currentSchema=dray}; the tables live in the
 * connection's current schema. Transactions that read and then write take a lock on that schema
 * when they begin ({@link SchemaWriteLock}), so they behave as on SQLite across processes and
 * hosts.
 */
public final class Store implements AutoCloseable {
  /** How long a write waits for another process's write to finish. */
  public static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private static final String MIGRATIONS = "classpath:db/migration";

  private final StoreLocation location;

  /** Held open while the store is: keeps the WAL in place and a shared in-memory database alive. */
  private final Connection keepAlive;

  private final BuildHistory builds;
  private final DeployHistory deploys;
  private final DeployLocks locks;
  private final AuditLog audit;
  private final ApiTokens tokens;
  private final WebhookDeliveries deliveries;

  /**
   * @param queries transactions that begin without the write lock (SQLite DEFERRED)
   * @param writes transactions that take the write lock when they begin (SQLite IMMEDIATE)
   */
  private Store(StoreLocation location, Connection keepAlive, Jdbi queries, Jdbi writes) {
    this.location = location;
    this.keepAlive = keepAlive;
    this.builds = new SqlBuildHistory(queries, location);
    this.deploys = new SqlDeployHistory(queries, writes, location);
    this.locks = new SqlDeployLocks(queries, writes, location);
    this.audit = new SqlAuditLog(queries, writes, location);
    this.tokens = new SqlApiTokens(queries, writes, location);
    this.deliveries = new SqlWebhookDeliveries(writes, location);
  }

  /** Opens the default file: {@code $DRAY_HOME/dray.db}, else {@code ~/.local/share/dray}. */
  public static Store openDefault() {
    return open(StoreLocation.defaultFile());
  }

  /** Opens a JDBC URL ({@code jdbc:…}) or an SQLite file path. */
  public static Store open(String urlOrPath) {
    return open(StoreLocation.parse(urlOrPath));
  }

  /** Opens an SQLite file, creating it and its directories when missing. */
  public static Store open(Path file) {
    return open(StoreLocation.file(file));
  }

  /**
   * Opens {@code location} and applies any migration it lacks.
   *
   * @throws StoreOpenException when the database cannot be opened or migrated
   */
  public static Store open(StoreLocation location) {
    StoreConnections.createDirectories(location);
    DataSource dataSource = StoreConnections.forQueries(location);
    Connection keepAlive = StoreConnections.first(dataSource, location);
    try {
      if (!SchemaVersion.isCurrent(dataSource)) {
        migrate(StoreConnections.forMigrations(location), location);
      }
      return new Store(
          location,
          keepAlive,
          Jdbi.create(dataSource),
          Jdbi.create(StoreConnections.forWrites(location)));
    } catch (RuntimeException e) {
      closeQuietly(keepAlive, e);
      throw e;
    }
  }

  public StoreLocation location() {
    return location;
  }

  /** The history of builds kept in this store. */
  public BuildHistory builds() {
    return builds;
  }

  /** The history of deploys, rollbacks and recoveries, with the journal of their steps. */
  public DeployHistory deploys() {
    return deploys;
  }

  /** The deploy lock of each app. */
  public DeployLocks locks() {
    return locks;
  }

  /** The append-only log of what was done to each app. */
  public AuditLog audit() {
    return audit;
  }

  /** The hashes of {@code dray server}'s API tokens. */
  public ApiTokens tokens() {
    return tokens;
  }

  /** The webhook deliveries {@code dray server} has seen. */
  public WebhookDeliveries deliveries() {
    return deliveries;
  }

  /** Releases the connection the store holds; use nothing obtained from it afterwards. */
  @Override
  public void close() {
    try {
      keepAlive.close();
    } catch (SQLException e) {
      throw new StoreAccessException(location, "close the database", e);
    }
  }

  private static void migrate(DataSource dataSource, StoreLocation location) {
    try {
      Flyway.configure(Store.class.getClassLoader())
          .dataSource(dataSource)
          .locations(MIGRATIONS)
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw StoreOpenException.cannotMigrate(location, e);
    }
  }

  private static void closeQuietly(Connection connection, Exception failure) {
    try {
      connection.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
