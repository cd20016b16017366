package dev.dray.engine;

import java.util.List;
import java.util.Locale;

/** Classifies the engine's push and pull error messages by what the user can do about them. */
enum RegistryFailure {
  AUTH,
  NOT_FOUND,
  TRANSIENT,
  PERMANENT;

  private static final List<String> AUTH_SIGNS =
      List.of(
          "unauthorized",
          "authentication required",
          "no basic auth credentials",
          "denied",
          "forbidden",
          "incorrect username or password");
  private static final List<String> NOT_FOUND_SIGNS =
      List.of("manifest unknown", "not found", "name unknown", "repository does not exist");
  private static final List<String> TRANSIENT_SIGNS =
      List.of(
          "connection reset",
          "connection refused",
          "broken pipe",
          "timeout",
          "timed out",
          "unexpected eof",
          "eof",
          "i/o timeout",
          "no such host",
          "temporary failure",
          "toomanyrequests",
          "too many requests",
          "service unavailable",
          "bad gateway",
          "gateway timeout",
          "internal server error",
          "received unexpected http status: 5");

  static RegistryFailure classify(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    if (AUTH_SIGNS.stream().anyMatch(m::contains)) {
      return AUTH;
    }
    if (TRANSIENT_SIGNS.stream().anyMatch(m::contains)) {
      return TRANSIENT;
    }
    if (NOT_FOUND_SIGNS.stream().anyMatch(m::contains)) {
      return NOT_FOUND;
    }
    return PERMANENT;
  }
}
