package dev.dray.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * How the store connects to its database: for SQLite, WAL mode, a busy timeout and foreign keys on
 * every connection, so that several dray processes can share one file; for another database (such
 * as PostgreSQL), a new connection to its JDBC URL each time.
 */
final class StoreConnections {
  private StoreConnections() {}

  /**
   * The first connection. On a new SQLite file it switches the file to WAL, which SQLite refuses
   * with SQLITE_BUSY, without waiting, while another process does the same: retry that for up to
   * the busy timeout.
   */
  static Connection first(DataSource dataSource, StoreLocation location) {
    long deadline = System.nanoTime() + Store.BUSY_TIMEOUT_MILLIS * 1_000_000L;
    while (true) {
      try {
        return dataSource.getConnection();
      } catch (SQLiteException e) {
        if (!isBusy(e) || System.nanoTime() > deadline) {
          throw StoreOpenException.cannotOpen(location, e);
        }
        pause(location, e);
      } catch (SQLException | RuntimeException e) {
        throw StoreOpenException.cannotOpen(location, e);
      }
    }
  }

  private static boolean isBusy(SQLiteException e) {
    int primary = e.getResultCode().code & 0xff;
    return primary == SQLiteErrorCode.SQLITE_BUSY.code
        || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
  }

  private static void pause(StoreLocation location, SQLiteException busy) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StoreOpenException.cannotOpen(location, busy);
    }
  }

  static void createDirectories(StoreLocation location) {
    Optional<Path> directory = location.sqliteFile().map(Path::getParent);
    if (directory.isPresent()) {
      try {
        Files.createDirectories(directory.get());
      } catch (IOException e) {
        throw StoreOpenException.cannotOpen(location, e);
      }
    }
  }

  /** Connections for reading and writing: SQLite transactions begin DEFERRED. */
  static DataSource forQueries(StoreLocation location) {
    return dataSource(location, SQLiteConfig.TransactionMode.DEFERRED);
  }

  /**
   * Connections for migrations: SQLite transactions take the write lock at {@code BEGIN}
   * (IMMEDIATE), so two processes opening a new file migrate one after the other instead of failing
   * with SQLITE_BUSY_SNAPSHOT.
   */
  static DataSource forMigrations(StoreLocation location) {
    // Flyway locks a PostgreSQL schema itself while it migrates it.
    return location.isSqlite()
        ? forWrites(location)
        : new DriverManagerDataSource(location.jdbcUrl());
  }

  /**
   * Connections for transactions that read and then write: SQLite transactions take the write lock
   * at {@code BEGIN} (IMMEDIATE), so what they read cannot change before they write, and they wait
   * for another writer (up to the busy timeout) instead of failing with SQLITE_BUSY_SNAPSHOT.
   * PostgreSQL transactions take the {@link SchemaWriteLock} when they begin, to the same effect.
   */
  static DataSource forWrites(StoreLocation location) {
    if (!location.isSqlite()) {
      return SchemaWriteLock.connectionsTo(location.jdbcUrl());
    }
    return dataSource(location, SQLiteConfig.TransactionMode.IMMEDIATE);
  }

  private static DataSource dataSource(
      StoreLocation location, SQLiteConfig.TransactionMode transactions) {
    if (!location.isSqlite()) {
      return new DriverManagerDataSource(location.jdbcUrl());
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(Store.BUSY_TIMEOUT_MILLIS);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setTransactionMode(transactions);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(location.jdbcUrl());
    return dataSource;
  }
}
