package dev.dray.registry;

import dev.dray.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** An access token from a registry's token service and when it stops being usable. */
record BearerToken(Secret token, Instant expiresAt) {
  /** Tokens are renewed this long before they expire. */
  static final Duration MARGIN = Duration.ofSeconds(5);

  BearerToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  boolean usableAt(Instant now) {
    return now.plus(MARGIN).isBefore(expiresAt);
  }

  String authorizationHeader() {
    return "Bearer " + token.reveal();
  }
}
