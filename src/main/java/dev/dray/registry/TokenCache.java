package dev.dray.registry;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Bearer tokens per registry and scope, kept until shortly before they expire. */
final class TokenCache {
  private final ConcurrentHashMap<String, BearerToken> tokens = new ConcurrentHashMap<>();
  private final Clock clock;

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  Optional<BearerToken> get(String registry, String scope) {
    String key = key(registry, scope);
    BearerToken token = tokens.get(key);
    if (token == null) {
      return Optional.empty();
    }
    if (!token.usableAt(clock.instant())) {
      tokens.remove(key, token);
      return Optional.empty();
    }
    return Optional.of(token);
  }

  void put(String registry, String scope, BearerToken token) {
    tokens.put(key(registry, scope), token);
  }

  private static String key(String registry, String scope) {
    return registry + " " + scope;
  }
}
