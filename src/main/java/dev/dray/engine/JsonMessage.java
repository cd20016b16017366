package dev.dray.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One line of the engine's JSON message stream (build, push, pull): progress, output, auxiliary
 * data or an error. Wire DTO; every field may be absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JsonMessage(
    String id,
    String status,
    String stream,
    ProgressDetail progressDetail,
    JsonNode aux,
    String error,
    ErrorDetail errorDetail) {

  /** Byte counts of a layer transfer. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProgressDetail(Long current, Long total) {}

  /** The structured form of {@code error}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ErrorDetail(Integer code, String message) {}

  /** The error this message reports, preferring {@code errorDetail.message}. */
  Optional<String> errorMessage() {
    if (errorDetail != null && errorDetail.message() != null && !errorDetail.message().isEmpty()) {
      return Optional.of(errorDetail.message());
    }
    return Optional.ofNullable(error).filter(e -> !e.isEmpty());
  }

  long current() {
    return progressDetail == null || progressDetail.current() == null
        ? 0
        : progressDetail.current();
  }

  long total() {
    return progressDetail == null || progressDetail.total() == null ? 0 : progressDetail.total();
  }
}
