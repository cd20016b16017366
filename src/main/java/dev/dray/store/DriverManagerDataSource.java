package dev.dray.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source that opens a new connection to one JDBC URL through {@link DriverManager}. */
final class DriverManagerDataSource implements DataSource {
  private final String url;
  private final UnaryOperator<Connection> decorator;

  DriverManagerDataSource(String url) {
    this(url, UnaryOperator.identity());
  }

  /** Connections to {@code url} as {@code decorator} returns them. */
  DriverManagerDataSource(String url, UnaryOperator<Connection> decorator) {
    this.url = url;
    this.decorator = decorator;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return decorator.apply(DriverManager.getConnection(url));
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return decorator.apply(DriverManager.getConnection(url, username, password));
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
