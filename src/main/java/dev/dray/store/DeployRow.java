package dev.dray.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** How a {@link DeployRecord} maps to a row of the {@code deploys} table and back. */
final class DeployRow {
  static final String COLUMNS =
      "id, app, kind, version, images_json, who, started_at_ms, finished_at_ms, outcome,"
          + " failed_step, failure";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP =
      new TypeReference<>() {};

  private DeployRow() {}

  static DeployRecord read(ResultSet rs, StatementContext context) throws SQLException {
    String id = rs.getString("id");
    long finishedAt = rs.getLong("finished_at_ms");
    boolean finished = !rs.wasNull();
    return new DeployRecord(
        id,
        rs.getString("app"),
        rs.getString("kind"),
        rs.getString("version"),
        images(id, rs.getString("images_json")),
        rs.getString("who"),
        Instant.ofEpochMilli(rs.getLong("started_at_ms")),
        finished ? Optional.of(Instant.ofEpochMilli(finishedAt)) : Optional.empty(),
        rs.getString("outcome"),
        Optional.ofNullable(rs.getString("failed_step")),
        Optional.ofNullable(rs.getString("failure")));
  }

  static String imagesJson(Map<String, String> images) {
    try {
      return JSON.writeValueAsString(images);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a map of strings as JSON", e);
    }
  }

  private static Map<String, String> images(String id, String json) {
    try {
      return JSON.readValue(json, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "images of deploy " + id + " are not a JSON object: " + json, e);
    }
  }
}
