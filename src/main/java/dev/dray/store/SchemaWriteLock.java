package dev.dray.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The store's write lock on PostgreSQL: a transaction-scoped advisory lock on the current schema,
 * taken by the connections of {@link #connectionsTo(String)} as soon as a transaction begins.
 *
 * <p>It gives PostgreSQL what SQLite's IMMEDIATE transactions give a file: write transactions of
 * every process sharing the schema run one after the other, so what one reads cannot change before
 * it writes (the check before inserting a deploy, the next audit number, the holder of a lock). It
 * is released when the transaction commits or rolls back. Read-only transactions never take it.
 */
final class SchemaWriteLock {
  /** The first key of dray's advisory locks; the second is the hash of the schema's name. */
  static final int NAMESPACE = 0x64726179; // "dray"

  private static final String TAKE =
      "SELECT pg_advisory_xact_lock(" + NAMESPACE + ", hashtext(COALESCE(current_schema(), '')))";

  private SchemaWriteLock() {}

  /**
   * Connections to {@code jdbcUrl} that take the lock when auto-commit is turned off, which is how
   * JDBC (and JDBI) begins a transaction.
   */
  static DataSource connectionsTo(String jdbcUrl) {
    return new DriverManagerDataSource(jdbcUrl, SchemaWriteLock::locking);
  }

  private static Connection locking(Connection connection) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          boolean begins =
              method.getName().equals("setAutoCommit")
                  && Boolean.FALSE.equals(args[0])
                  && connection.getAutoCommit();
          Object result = invoke(connection, method, args);
          if (begins) {
            try (Statement statement = connection.createStatement()) {
              statement.execute(TAKE);
            }
          }
          return result;
        };
    return (Connection)
        Proxy.newProxyInstance(
            SchemaWriteLock.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private static Object invoke(Connection connection, Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(connection, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
