package dev.dray.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dray.build.BuildReport;
import dev.dray.build.BuildReport.StageReport;
import dev.dray.build.BuildReport.StepReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The {@link BuildHistory} in SQL tables: {@code builds} holds a build's scalar fields and its tags
 * as JSON text, {@code build_stages} and {@code build_steps} hold one row per stage and per step.
 */
final class SqlBuildHistory implements BuildHistory {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int AMBIGUOUS_MATCHES_SHOWN = 10;

  private static final String BUILD_COLUMNS =
      "id, service, repository, started_at_ms, duration_ms, outcome, failure, git_ref, git_sha,"
          + " tags_json, image_id, digest, size_bytes, layer_count";

  private final Jdbi jdbi;
  private final StoreLocation location;

  SqlBuildHistory(Jdbi jdbi, StoreLocation location) {
    this.jdbi = jdbi;
    this.location = location;
  }

  @Override
  public void record(BuildReport report) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(report.id(), "report.id");
    Objects.requireNonNull(report.service(), "report.service");
    try {
      jdbi.useTransaction(handle -> insert(handle, report));
    } catch (JdbiException e) {
      if (exists(report.id())) {
        throw new BuildAlreadyRecordedException(report.id());
      }
      throw new StoreAccessException(location, "record build " + report.id(), e);
    }
  }

  @Override
  public List<BuildReport> recent(Optional<String> service, int limit) {
    Objects.requireNonNull(service, "service");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    String where = service.isPresent() ? " WHERE service = :service" : "";
    return read(
        "read the build history",
        handle -> {
          var query =
              handle
                  .createQuery(
                      "SELECT "
                          + BUILD_COLUMNS
                          + " FROM builds"
                          + where
                          + " ORDER BY started_at_ms DESC, id DESC LIMIT :limit")
                  .bind("limit", limit);
          service.ifPresent(s -> query.bind("service", s));
          return withStages(handle, query.map(BuildRow::of).list());
        });
  }

  @Override
  public Optional<BuildReport> find(String idOrPrefix) {
    Objects.requireNonNull(idOrPrefix, "idOrPrefix");
    if (idOrPrefix.isBlank()) {
      throw new IllegalArgumentException("build id is empty");
    }
    return read(
        "look up build " + idOrPrefix,
        handle -> {
          List<String> ids = matchingIds(handle, idOrPrefix);
          if (ids.size() > 1) {
            throw new AmbiguousIdException(
                "build",
                idOrPrefix,
                ids.subList(0, Math.min(ids.size(), AMBIGUOUS_MATCHES_SHOWN)),
                ids.size() > AMBIGUOUS_MATCHES_SHOWN);
          }
          if (ids.isEmpty()) {
            return Optional.empty();
          }
          List<BuildRow> rows =
              handle
                  .createQuery("SELECT " + BUILD_COLUMNS + " FROM builds WHERE id = :id")
                  .bind("id", ids.getFirst())
                  .map(BuildRow::of)
                  .list();
          return withStages(handle, rows).stream().findFirst();
        });
  }

  @Override
  public List<BuildReport> since(Optional<String> service, Instant since) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(since, "since");
    String andService = service.isPresent() ? " AND service = :service" : "";
    return read(
        "read the build history",
        handle -> {
          var query =
              handle
                  .createQuery(
                      "SELECT "
                          + BUILD_COLUMNS
                          + " FROM builds WHERE started_at_ms >= :since"
                          + andService
                          + " ORDER BY started_at_ms DESC, id DESC")
                  .bind("since", since.toEpochMilli());
          service.ifPresent(s -> query.bind("service", s));
          return withStages(handle, query.map(BuildRow::of).list());
        });
  }

  @Override
  public List<BuildReport> withDigest(String digest) {
    Objects.requireNonNull(digest, "digest");
    return read(
        "look up the builds of " + digest,
        handle ->
            withStages(
                handle,
                handle
                    .createQuery(
                        "SELECT "
                            + BUILD_COLUMNS
                            + " FROM builds WHERE digest = :digest ORDER BY started_at_ms, id")
                    .bind("digest", digest)
                    .map(BuildRow::of)
                    .list()));
  }

  @Override
  public List<BuildCount> counts() {
    return read(
        "count the builds",
        handle ->
            handle
                .createQuery(
                    "SELECT service, outcome, COUNT(*) AS n FROM builds GROUP BY service, outcome")
                .map(
                    (rs, ctx) ->
                        new BuildCount(
                            rs.getString("service"),
                            BuildReport.Outcome.valueOf(rs.getString("outcome")),
                            rs.getLong("n")))
                .list()
                .stream()
                .sorted(BuildCount.ORDER)
                .toList());
  }

  /** The id itself when it is recorded, else up to one more than we show of those it starts. */
  private static List<String> matchingIds(Handle handle, String idOrPrefix) {
    List<String> exact =
        handle
            .createQuery("SELECT id FROM builds WHERE id = :id")
            .bind("id", idOrPrefix)
            .mapTo(String.class)
            .list();
    if (!exact.isEmpty()) {
      return exact;
    }
    return handle
        .createQuery(
            "SELECT id FROM builds WHERE substr(id, 1, :length) = :prefix ORDER BY id LIMIT :limit")
        .bind("length", idOrPrefix.length())
        .bind("prefix", idOrPrefix)
        .bind("limit", AMBIGUOUS_MATCHES_SHOWN + 1)
        .mapTo(String.class)
        .list();
  }

  private boolean exists(String id) {
    try {
      return jdbi.withHandle(
          handle ->
              handle
                      .createQuery("SELECT COUNT(*) FROM builds WHERE id = :id")
                      .bind("id", id)
                      .mapTo(Long.class)
                      .one()
                  > 0);
    } catch (JdbiException e) {
      return false;
    }
  }

  private <T> T read(String action, HandleCallback<T, RuntimeException> reading) {
    try {
      return jdbi.inTransaction(reading);
    } catch (JdbiException e) {
      throw new StoreAccessException(location, action, e);
    }
  }

  private static void insert(Handle handle, BuildReport report) {
    handle
        .createUpdate(
            "INSERT INTO builds ("
                + BUILD_COLUMNS
                + ") VALUES (:id, :service, :repository, :startedAt, :duration, :outcome,"
                + " :failure, :gitRef, :gitSha, :tags, :imageId, :digest, :sizeBytes,"
                + " :layerCount)")
        .bind("id", report.id())
        .bind("service", report.service())
        .bind("repository", report.repository())
        .bind("startedAt", report.startedAt().toEpochMilli())
        .bind("duration", report.duration().toMillis())
        .bind("outcome", report.outcome().name())
        .bind("failure", report.failure().orElse(null))
        .bind("gitRef", report.gitRef())
        .bind("gitSha", report.gitSha())
        .bind("tags", toJson(report.tags()))
        .bind("imageId", report.imageId().orElse(null))
        .bind("digest", report.digest().orElse(null))
        .bind("sizeBytes", report.sizeBytes())
        .bind("layerCount", report.layerCount())
        .execute();
    var stages =
        handle.prepareBatch(
            "INSERT INTO build_stages (build_id, stage_index, name, ran_steps, cache_pushed,"
                + " duration_ms) VALUES (:buildId, :stage, :name, :ranSteps, :cachePushed,"
                + " :duration)");
    var steps =
        handle.prepareBatch(
            "INSERT INTO build_steps (build_id, stage_index, step_index, name, cached,"
                + " duration_ms, error) VALUES (:buildId, :stage, :step, :name, :cached,"
                + " :duration, :error)");
    for (int s = 0; s < report.stages().size(); s++) {
      StageReport stage = report.stages().get(s);
      stages
          .bind("buildId", report.id())
          .bind("stage", s)
          .bind("name", stage.name())
          .bind("ranSteps", flag(stage.ranSteps()))
          .bind("cachePushed", flag(stage.cachePushed()))
          .bind("duration", stage.duration().toMillis())
          .add();
      for (int t = 0; t < stage.steps().size(); t++) {
        StepReport step = stage.steps().get(t);
        steps
            .bind("buildId", report.id())
            .bind("stage", s)
            .bind("step", t)
            .bind("name", step.name())
            .bind("cached", flag(step.cached()))
            .bind("duration", step.duration().toMillis())
            .bind("error", step.error().orElse(null))
            .add();
      }
    }
    if (!report.stages().isEmpty()) {
      stages.execute();
    }
    if (report.stages().stream().anyMatch(stage -> !stage.steps().isEmpty())) {
      steps.execute();
    }
  }

  private static List<BuildReport> withStages(Handle handle, List<BuildRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> ids = rows.stream().map(BuildRow::id).toList();
    Map<StageKey, List<StepReport>> steps = new HashMap<>();
    handle
        .createQuery(
            "SELECT build_id, stage_index, name, cached, duration_ms, error FROM build_steps"
                + " WHERE build_id IN (<ids>) ORDER BY build_id, stage_index, step_index")
        .bindList("ids", ids)
        .map(
            (rs, ctx) ->
                new StepRow(
                    new StageKey(rs.getString("build_id"), rs.getInt("stage_index")),
                    new StepReport(
                        rs.getString("name"),
                        rs.getInt("cached") != 0,
                        Duration.ofMillis(rs.getLong("duration_ms")),
                        Optional.ofNullable(rs.getString("error")))))
        .forEach(row -> steps.computeIfAbsent(row.stage(), k -> new ArrayList<>()).add(row.step()));
    Map<String, List<StageReport>> stages = new HashMap<>();
    handle
        .createQuery(
            "SELECT build_id, stage_index, name, ran_steps, cache_pushed, duration_ms"
                + " FROM build_stages WHERE build_id IN (<ids>) ORDER BY build_id, stage_index")
        .bindList("ids", ids)
        .map(
            (rs, ctx) -> {
              StageKey key = new StageKey(rs.getString("build_id"), rs.getInt("stage_index"));
              return new StageRow(
                  key,
                  new StageReport(
                      rs.getString("name"),
                      rs.getInt("ran_steps") != 0,
                      rs.getInt("cache_pushed") != 0,
                      Duration.ofMillis(rs.getLong("duration_ms")),
                      steps.getOrDefault(key, List.of())));
            })
        .forEach(
            row ->
                stages
                    .computeIfAbsent(row.key().buildId(), k -> new ArrayList<>())
                    .add(row.stage()));
    return rows.stream()
        .map(row -> row.toReport(stages.getOrDefault(row.id(), List.of())))
        .toList();
  }

  private static int flag(boolean value) {
    return value ? 1 : 0;
  }

  private static String toJson(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a list of strings as JSON", e);
    }
  }

  private record StageKey(String buildId, int stageIndex) {}

  private record StepRow(StageKey stage, StepReport step) {}

  private record StageRow(StageKey key, StageReport stage) {}
}
