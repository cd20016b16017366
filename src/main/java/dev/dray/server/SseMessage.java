package dev.dray.server;

import java.util.Objects;

/**
 * One server-sent event as it goes on the wire: its name ({@code deploy} or {@code trigger}) and
 * its JSON data on one line.
 */
public record SseMessage(String event, String json) {
  public static final String DEPLOY = "deploy";
  public static final String TRIGGER = "trigger";

  public SseMessage {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(json, "json");
    if (event.isBlank() || event.contains("\n") || json.contains("\n")) {
      throw new IllegalArgumentException("an SSE event name and its data must be one line each");
    }
  }
}
