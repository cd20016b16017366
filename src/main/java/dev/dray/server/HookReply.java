package dev.dray.server;

import java.util.Objects;

/**
 * A webhook handler's answer: status and JSON body. Mirrors the trigger package's {@code
 * HttpReply(int status, String json)}; an adapter maps one to the other.
 */
public record HookReply(int status, String json) {
  public HookReply {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    Objects.requireNonNull(json, "json");
  }
}
