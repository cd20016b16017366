package dev.dray.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The {@link DeployLocks} as rows of {@code deploy_locks}, whose primary key on the app admits one
 * holder: acquiring inserts a row unless one exists, in a transaction that takes the write lock
 * when it begins ({@code writes}).
 */
final class SqlDeployLocks implements DeployLocks {
  private static final String COLUMNS = "app, holder, hostname, pid, since_ms, message";

  private final Jdbi reads;
  private final Jdbi writes;
  private final StoreLocation location;

  SqlDeployLocks(Jdbi reads, Jdbi writes, StoreLocation location) {
    this.reads = reads;
    this.writes = writes;
    this.location = location;
  }

  @Override
  public LockResult acquire(
      String app, String holder, String hostname, long pid, String message, Instant now) {
    DeployLockInfo wanted = new DeployLockInfo(app, holder, hostname, pid, now, message);
    while (true) {
      Optional<LockResult> result =
          access(writes, "take the deploy lock of " + app, handle -> tryAcquire(handle, wanted));
      if (result.isPresent()) {
        return result.get();
      }
      // Released between our insert and our read (only possible where the transaction does not
      // hold the write lock, e.g. PostgreSQL): try again.
    }
  }

  private static Optional<LockResult> tryAcquire(Handle handle, DeployLockInfo wanted) {
    // ON CONFLICT … DO NOTHING (SQLite and PostgreSQL): a held lock is an answer, not an error,
    // and on PostgreSQL a failed statement would abort the whole transaction.
    int inserted =
        handle
            .createUpdate(
                "INSERT INTO deploy_locks ("
                    + COLUMNS
                    + ") VALUES (:app, :holder, :hostname, :pid, :since, :message)"
                    + " ON CONFLICT (app) DO NOTHING")
            .bind("app", wanted.app())
            .bind("holder", wanted.holder())
            .bind("hostname", wanted.hostname())
            .bind("pid", wanted.pid())
            .bind("since", wanted.since().toEpochMilli())
            .bind("message", wanted.message())
            .execute();
    if (inserted == 1) {
      return Optional.of(new LockResult.Acquired(wanted));
    }
    return find(handle, wanted.app())
        .<LockResult>map(
            held -> new LockResult.Held(held, DeployLocks.isStale(held, wanted.hostname())));
  }

  @Override
  public void release(String app, String holder) {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(holder, "holder");
    access(
        writes,
        "release the deploy lock of " + app,
        handle ->
            handle
                .createUpdate("DELETE FROM deploy_locks WHERE app = :app AND holder = :holder")
                .bind("app", app)
                .bind("holder", holder)
                .execute());
  }

  @Override
  public void forceRelease(String app) {
    Objects.requireNonNull(app, "app");
    access(
        writes,
        "release the deploy lock of " + app,
        handle ->
            handle
                .createUpdate("DELETE FROM deploy_locks WHERE app = :app")
                .bind("app", app)
                .execute());
  }

  @Override
  public Optional<DeployLockInfo> status(String app) {
    Objects.requireNonNull(app, "app");
    return access(reads, "read the deploy lock of " + app, handle -> find(handle, app));
  }

  private static Optional<DeployLockInfo> find(Handle handle, String app) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM deploy_locks WHERE app = :app")
        .bind("app", app)
        .map(
            (rs, ctx) ->
                new DeployLockInfo(
                    rs.getString("app"),
                    rs.getString("holder"),
                    rs.getString("hostname"),
                    rs.getLong("pid"),
                    Instant.ofEpochMilli(rs.getLong("since_ms")),
                    rs.getString("message")))
        .findOne();
  }

  private <T> T access(Jdbi jdbi, String action, HandleCallback<T, RuntimeException> callback) {
    try {
      return jdbi.inTransaction(callback);
    } catch (JdbiException e) {
      throw new StoreAccessException(location, action, e);
    }
  }
}
