package dev.dray.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code access} claim of a registry bearer token, when the token is a JWT as the Docker token
 * spec describes; opaque tokens have none.
 */
final class TokenClaims {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TokenClaims() {}

  /**
   * The actions the token grants on {@code repository}; empty when the token is not a readable JWT
   * (then only the registry can say).
   */
  static Optional<Set<String>> repositoryActions(String token, String repository) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    JsonNode claims;
    try {
      claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
    if (claims == null || !claims.has("access")) {
      return Optional.empty();
    }
    Set<String> actions = new LinkedHashSet<>();
    for (JsonNode access : claims.path("access")) {
      if ("repository".equals(access.path("type").asText())
          && repository.equals(access.path("name").asText())) {
        access.path("actions").forEach(a -> actions.add(a.asText()));
      }
    }
    return Optional.of(actions);
  }
}
