package dev.dray.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dray.build.BuildReport;
import dev.dray.build.BuildReport.StageReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** One row of the {@code builds} table, waiting for its stages to become a {@link BuildReport}. */
record BuildRow(
    String id,
    String service,
    String repository,
    long startedAtMillis,
    long durationMillis,
    String outcome,
    String failure,
    String gitRef,
    String gitSha,
    String tagsJson,
    String imageId,
    String digest,
    long sizeBytes,
    int layerCount) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

  static BuildRow of(ResultSet rs, StatementContext context) throws SQLException {
    return new BuildRow(
        rs.getString("id"),
        rs.getString("service"),
        rs.getString("repository"),
        rs.getLong("started_at_ms"),
        rs.getLong("duration_ms"),
        rs.getString("outcome"),
        rs.getString("failure"),
        rs.getString("git_ref"),
        rs.getString("git_sha"),
        rs.getString("tags_json"),
        rs.getString("image_id"),
        rs.getString("digest"),
        rs.getLong("size_bytes"),
        rs.getInt("layer_count"));
  }

  BuildReport toReport(List<StageReport> stages) {
    return new BuildReport(
        id,
        service,
        repository,
        Instant.ofEpochMilli(startedAtMillis),
        Duration.ofMillis(durationMillis),
        BuildReport.Outcome.valueOf(outcome),
        Optional.ofNullable(failure),
        gitRef,
        gitSha,
        stages,
        tags(),
        Optional.ofNullable(imageId),
        Optional.ofNullable(digest),
        sizeBytes,
        layerCount);
  }

  private List<String> tags() {
    try {
      return JSON.readValue(tagsJson, STRING_LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "tags of build " + id + " are not a JSON list: " + tagsJson, e);
    }
  }
}
