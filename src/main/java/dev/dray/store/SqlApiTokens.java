package dev.dray.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The {@link ApiTokens} as rows of {@code api_tokens}, whose primary key on the name admits one
 * token per name; writes use upserts, which SQLite and PostgreSQL both understand.
 */
final class SqlApiTokens implements ApiTokens {
  private final Jdbi reads;
  private final Jdbi writes;
  private final StoreLocation location;

  SqlApiTokens(Jdbi reads, Jdbi writes, StoreLocation location) {
    this.reads = reads;
    this.writes = writes;
    this.location = location;
  }

  @Override
  public boolean createIfAbsent(ApiTokenRecord token) {
    Objects.requireNonNull(token, "token");
    int inserted =
        access(
            writes,
            "create API token " + token.name(),
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO api_tokens (name, sha256, created_at_ms)"
                            + " VALUES (:name, :sha256, :at) ON CONFLICT (name) DO NOTHING")
                    .bind("name", token.name())
                    .bind("sha256", token.sha256())
                    .bind("at", token.createdAt().toEpochMilli())
                    .execute());
    return inserted == 1;
  }

  @Override
  public void replace(ApiTokenRecord token) {
    Objects.requireNonNull(token, "token");
    access(
        writes,
        "replace API token " + token.name(),
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO api_tokens (name, sha256, created_at_ms)"
                        + " VALUES (:name, :sha256, :at) ON CONFLICT (name) DO UPDATE"
                        + " SET sha256 = excluded.sha256, created_at_ms = excluded.created_at_ms")
                .bind("name", token.name())
                .bind("sha256", token.sha256())
                .bind("at", token.createdAt().toEpochMilli())
                .execute());
  }

  @Override
  public Optional<ApiTokenRecord> find(String name) {
    Objects.requireNonNull(name, "name");
    return access(
        reads,
        "read API token " + name,
        handle ->
            handle
                .createQuery(
                    "SELECT name, sha256, created_at_ms FROM api_tokens WHERE name = :name")
                .bind("name", name)
                .map(
                    (rs, ctx) ->
                        new ApiTokenRecord(
                            rs.getString("name"),
                            rs.getString("sha256"),
                            Instant.ofEpochMilli(rs.getLong("created_at_ms"))))
                .findOne());
  }

  private <T> T access(Jdbi jdbi, String action, HandleCallback<T, RuntimeException> callback) {
    try {
      return jdbi.inTransaction(callback);
    } catch (JdbiException e) {
      throw new StoreAccessException(location, action, e);
    }
  }
}
