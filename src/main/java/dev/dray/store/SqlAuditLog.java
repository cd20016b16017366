package dev.dray.store;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The {@link AuditLog} as rows of {@code audit_log}, numbered one after the last in a transaction
 * that takes the write lock when it begins ({@code writes}). This class only inserts and selects.
 */
final class SqlAuditLog implements AuditLog {
  /** SQLSTATE of a unique-key violation: two appends numbered alike where writes can overlap. */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final int ATTEMPTS = 5;

  private final Jdbi reads;
  private final Jdbi writes;
  private final StoreLocation location;

  SqlAuditLog(Jdbi reads, Jdbi writes, StoreLocation location) {
    this.reads = reads;
    this.writes = writes;
    this.location = location;
  }

  @Override
  public void append(String host, String app, String action, String detail, Instant at) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(app, "app");
    DeployRecord.requireText(action, "action");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
    for (int attempt = 1; ; attempt++) {
      try {
        writes.useTransaction(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO audit_log (seq, at_ms, host, app, action, detail)"
                            + " SELECT COALESCE(MAX(seq), 0) + 1, :at, :host, :app, :action,"
                            + " :detail FROM audit_log")
                    .bind("at", at.truncatedTo(ChronoUnit.MILLIS).toEpochMilli())
                    .bind("host", host)
                    .bind("app", app)
                    .bind("action", action)
                    .bind("detail", detail)
                    .execute());
        return;
      } catch (JdbiException e) {
        if (attempt == ATTEMPTS || !isUniqueViolation(e)) {
          throw new StoreAccessException(location, "append to the audit log", e);
        }
      }
    }
  }

  @Override
  public List<AuditEntry> recent(String app, int limit) {
    Objects.requireNonNull(app, "app");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    try {
      return reads.withHandle(
          handle ->
              handle
                  .createQuery(
                      "SELECT seq, at_ms, host, app, action, detail FROM audit_log"
                          + " WHERE app = :app ORDER BY seq DESC LIMIT :limit")
                  .bind("app", app)
                  .bind("limit", limit)
                  .map(
                      (rs, ctx) ->
                          new AuditEntry(
                              rs.getLong("seq"),
                              Instant.ofEpochMilli(rs.getLong("at_ms")),
                              rs.getString("host"),
                              rs.getString("app"),
                              rs.getString("action"),
                              rs.getString("detail")))
                  .list());
    } catch (JdbiException e) {
      throw new StoreAccessException(location, "read the audit log of " + app, e);
    }
  }

  private static boolean isUniqueViolation(JdbiException e) {
    return e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
  }
}
