package dev.dray.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a webhook handler answers: an HTTP status and a JSON body. The server writes it out as is
 * with {@code Content-Type: application/json}.
 */
public record HttpReply(int status, String json) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public HttpReply {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    if (json == null) {
      throw new IllegalArgumentException("json is null");
    }
  }

  /** {@code {"error": message}}. */
  static HttpReply error(int status, String message) {
    return of(status, Map.of("error", message));
  }

  /** The fields as a JSON object, in the order given. */
  static HttpReply of(int status, Map<String, ?> fields) {
    try {
      return new HttpReply(status, JSON.writeValueAsString(new LinkedHashMap<>(fields)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain maps always serialise", e);
    }
  }

  /** Whether the status is 2xx. */
  public boolean isSuccess() {
    return status / 100 == 2;
  }
}
