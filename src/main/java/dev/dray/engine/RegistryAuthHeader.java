package dev.dray.engine;

import dev.dray.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Encodes registry credentials for the {@code X-Registry-Auth} header: base64url of the auth JSON,
 * or of {@code {}} when there is none (the engine requires the header on push).
 */
final class RegistryAuthHeader {
  static final String NAME = "X-Registry-Auth";

  private RegistryAuthHeader() {}

  static String value(Optional<Secret> authJson) {
    String json = authJson.map(Secret::reveal).filter(s -> !s.isBlank()).orElse("{}");
    return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
