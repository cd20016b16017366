package dev.dray.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The {@link DeployHistory} in SQL tables: {@code deploys} holds one row per deploy with its images
 * as JSON text, {@code deploy_steps} one row per journal line.
 *
 * <p>Writes run in transactions that take the write lock when they begin ({@code writes}), so a
 * check and the write that follows it see the same database.
 */
final class SqlDeployHistory implements DeployHistory {
  private static final int AMBIGUOUS_MATCHES_SHOWN = 10;

  private final Jdbi reads;
  private final Jdbi writes;
  private final StoreLocation location;

  SqlDeployHistory(Jdbi reads, Jdbi writes, StoreLocation location) {
    this.reads = reads;
    this.writes = writes;
    this.location = location;
  }

  @Override
  public void start(DeployRecord record) {
    Objects.requireNonNull(record, "record");
    if (!record.running()) {
      throw new IllegalArgumentException(
          "deploy " + record.id() + " must start RUNNING, not " + record.outcome());
    }
    write(
        "record deploy " + record.id(),
        handle -> {
          if (outcome(handle, record.id()).isPresent()) {
            throw new DeployAlreadyRecordedException(record.id());
          }
          handle
              .createUpdate(
                  "INSERT INTO deploys ("
                      + DeployRow.COLUMNS
                      + ") VALUES (:id, :app, :kind, :version, :images, :who, :startedAt, NULL,"
                      + " :outcome, NULL, NULL)")
              .bind("id", record.id())
              .bind("app", record.app())
              .bind("kind", record.kind())
              .bind("version", record.version())
              .bind("images", DeployRow.imagesJson(record.images()))
              .bind("who", record.who())
              .bind("startedAt", record.startedAt().toEpochMilli())
              .bind("outcome", record.outcome())
              .execute();
          return null;
        });
  }

  @Override
  public void step(DeployStepRecord step) {
    Objects.requireNonNull(step, "step");
    write(
        "record step " + step.seq() + " of deploy " + step.deployId(),
        handle -> {
          if (outcome(handle, step.deployId()).isEmpty()) {
            throw new IllegalArgumentException(
                "no deploy " + step.deployId() + " in the history: start it before its steps");
          }
          boolean taken =
              handle
                      .createQuery(
                          "SELECT COUNT(*) FROM deploy_steps WHERE deploy_id = :id AND seq = :seq")
                      .bind("id", step.deployId())
                      .bind("seq", step.seq())
                      .mapTo(Long.class)
                      .one()
                  > 0;
          if (taken) {
            throw new IllegalArgumentException(
                "deploy " + step.deployId() + " already has a journal line " + step.seq());
          }
          handle
              .createUpdate(
                  "INSERT INTO deploy_steps (deploy_id, seq, step, state, at_ms, detail)"
                      + " VALUES (:id, :seq, :step, :state, :at, :detail)")
              .bind("id", step.deployId())
              .bind("seq", step.seq())
              .bind("step", step.step())
              .bind("state", step.state())
              .bind("at", step.at().toEpochMilli())
              .bind("detail", step.detail())
              .execute();
          return null;
        });
  }

  @Override
  public void finish(
      String id,
      String outcome,
      Optional<String> failedStep,
      Optional<String> failure,
      Instant at) {
    DeployRecord.requireText(id, "id");
    DeployRecord.requireOneOf(outcome, DeployRecord.FINAL_OUTCOMES, "outcome");
    Objects.requireNonNull(failedStep, "failedStep");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(at, "at");
    write(
        "record the end of deploy " + id,
        handle -> {
          Optional<String> current = outcome(handle, id);
          if (current.isEmpty()) {
            throw new IllegalArgumentException("no deploy " + id + " in the history");
          }
          if (!current.get().equals(DeployRecord.RUNNING)) {
            throw new IllegalArgumentException(
                "deploy " + id + " has already finished: " + current.get());
          }
          handle
              .createUpdate(
                  "UPDATE deploys SET outcome = :outcome, finished_at_ms = :at,"
                      + " failed_step = :failedStep, failure = :failure WHERE id = :id")
              .bind("id", id)
              .bind("outcome", outcome)
              .bind("at", at.truncatedTo(ChronoUnit.MILLIS).toEpochMilli())
              .bind("failedStep", failedStep.orElse(null))
              .bind("failure", failure.orElse(null))
              .execute();
          return null;
        });
  }

  @Override
  public List<DeployRecord> recent(String app, int limit) {
    Objects.requireNonNull(app, "app");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    return read(
        "read the deploy history of " + app,
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + DeployRow.COLUMNS
                        + " FROM deploys WHERE app = :app"
                        + " ORDER BY started_at_ms DESC, id DESC LIMIT :limit")
                .bind("app", app)
                .bind("limit", limit)
                .map(DeployRow::read)
                .list());
  }

  @Override
  public Optional<DeployRecord> find(String idOrPrefix) {
    Objects.requireNonNull(idOrPrefix, "idOrPrefix");
    if (idOrPrefix.isBlank()) {
      throw new IllegalArgumentException("deploy id is empty");
    }
    return read(
        "look up deploy " + idOrPrefix,
        handle -> {
          List<String> ids = matchingIds(handle, idOrPrefix);
          if (ids.size() > 1) {
            throw new AmbiguousIdException(
                "deploy",
                idOrPrefix,
                ids.subList(0, Math.min(ids.size(), AMBIGUOUS_MATCHES_SHOWN)),
                ids.size() > AMBIGUOUS_MATCHES_SHOWN);
          }
          if (ids.isEmpty()) {
            return Optional.empty();
          }
          return handle
              .createQuery("SELECT " + DeployRow.COLUMNS + " FROM deploys WHERE id = :id")
              .bind("id", ids.getFirst())
              .map(DeployRow::read)
              .findOne();
        });
  }

  @Override
  public List<DeployStepRecord> steps(String deployId) {
    Objects.requireNonNull(deployId, "deployId");
    return read(
        "read the steps of deploy " + deployId,
        handle ->
            handle
                .createQuery(
                    "SELECT deploy_id, seq, step, state, at_ms, detail FROM deploy_steps"
                        + " WHERE deploy_id = :id ORDER BY seq")
                .bind("id", deployId)
                .map(
                    (rs, ctx) ->
                        new DeployStepRecord(
                            rs.getString("deploy_id"),
                            rs.getInt("seq"),
                            rs.getString("step"),
                            rs.getString("state"),
                            Instant.ofEpochMilli(rs.getLong("at_ms")),
                            rs.getString("detail")))
                .list());
  }

  @Override
  public Optional<DeployRecord> lastSucceeded(String app) {
    Objects.requireNonNull(app, "app");
    return read(
        "read the last successful deploy of " + app,
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + DeployRow.COLUMNS
                        + " FROM deploys WHERE app = :app AND outcome = :succeeded"
                        + " AND kind IN (:deploy, :rollback)"
                        + " ORDER BY finished_at_ms DESC, started_at_ms DESC, id DESC LIMIT 1")
                .bind("app", app)
                .bind("succeeded", DeployRecord.SUCCEEDED)
                .bind("deploy", DeployRecord.DEPLOY)
                .bind("rollback", DeployRecord.ROLLBACK)
                .map(DeployRow::read)
                .findOne());
  }

  @Override
  public List<DeployRecord> running(String app) {
    Objects.requireNonNull(app, "app");
    return read(
        "read the running deploys of " + app,
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + DeployRow.COLUMNS
                        + " FROM deploys WHERE app = :app AND outcome = :running"
                        + " ORDER BY started_at_ms DESC, id DESC")
                .bind("app", app)
                .bind("running", DeployRecord.RUNNING)
                .map(DeployRow::read)
                .list());
  }

  @Override
  public List<DeployRecord> since(String app, Instant since) {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(since, "since");
    return read(
        "read the deploy history of " + app,
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + DeployRow.COLUMNS
                        + " FROM deploys WHERE app = :app AND started_at_ms >= :since"
                        + " ORDER BY started_at_ms DESC, id DESC")
                .bind("app", app)
                .bind("since", since.toEpochMilli())
                .map(DeployRow::read)
                .list());
  }

  @Override
  public List<DeployCount> counts(String app) {
    Objects.requireNonNull(app, "app");
    return read(
        "count the deploys of " + app,
        handle ->
            handle
                .createQuery(
                    "SELECT kind, outcome, COUNT(*) AS n FROM deploys WHERE app = :app"
                        + " GROUP BY kind, outcome")
                .bind("app", app)
                .map(
                    (rs, ctx) ->
                        new DeployCount(
                            app, rs.getString("kind"), rs.getString("outcome"), rs.getLong("n")))
                .list()
                .stream()
                .sorted(DeployCount.ORDER)
                .toList());
  }

  private static Optional<String> outcome(Handle handle, String id) {
    return handle
        .createQuery("SELECT outcome FROM deploys WHERE id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .findOne();
  }

  /** The id itself when it is recorded, else up to one more than we show of those it starts. */
  private static List<String> matchingIds(Handle handle, String idOrPrefix) {
    List<String> exact =
        handle
            .createQuery("SELECT id FROM deploys WHERE id = :id")
            .bind("id", idOrPrefix)
            .mapTo(String.class)
            .list();
    if (!exact.isEmpty()) {
      return exact;
    }
    return handle
        .createQuery(
            "SELECT id FROM deploys WHERE substr(id, 1, :length) = :prefix ORDER BY id LIMIT :limit")
        .bind("length", idOrPrefix.length())
        .bind("prefix", idOrPrefix)
        .bind("limit", AMBIGUOUS_MATCHES_SHOWN + 1)
        .mapTo(String.class)
        .list();
  }

  private <T> T read(String action, HandleCallback<T, RuntimeException> reading) {
    try {
      return reads.inTransaction(reading);
    } catch (JdbiException e) {
      throw new StoreAccessException(location, action, e);
    }
  }

  private <T> T write(String action, HandleCallback<T, RuntimeException> writing) {
    try {
      return writes.inTransaction(writing);
    } catch (JdbiException e) {
      throw new StoreAccessException(location, action, e);
    }
  }
}
