package dev.dray.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dray.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The credential-related parts of a Docker CLI {@code config.json}: {@code auths}, {@code
 * credHelpers} and {@code credsStore}, with host keys normalised ({@code https://} prefix and
 * {@code /v1/} suffix removed, Docker Hub aliases merged).
 */
record DockerConfigFile(
    Path path,
    Map<String, JsonNode> auths,
    Map<String, String> credHelpers,
    Optional<String> credsStore) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A config.json that exists but cannot be read; the message never quotes the file. */
  static final class UnreadableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableException(String message) {
      super(message);
    }
  }

  /** Reads {@code path}; empty when it does not exist. */
  static Optional<DockerConfigFile> read(Path path) throws UnreadableException {
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new UnreadableException(
          at == null
              ? "not valid JSON"
              : "not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr());
    } catch (IOException e) {
      throw new UnreadableException("cannot read: " + e.getClass().getSimpleName());
    }
    if (root == null || !root.isObject()) {
      throw new UnreadableException("not a JSON object");
    }
    Map<String, JsonNode> auths = new LinkedHashMap<>();
    root.path("auths").properties().forEach(e -> auths.putIfAbsent(key(e.getKey()), e.getValue()));
    Map<String, String> helpers = new LinkedHashMap<>();
    root.path("credHelpers")
        .properties()
        .forEach(e -> helpers.putIfAbsent(key(e.getKey()), e.getValue().asText("")));
    String store = root.path("credsStore").asText("");
    return Optional.of(
        new DockerConfigFile(
            path, auths, helpers, store.isBlank() ? Optional.empty() : Optional.of(store)));
  }

  private static String key(String raw) {
    return RegistryHosts.normalize(raw);
  }

  /**
   * The credential in an {@code auths} entry: {@code identitytoken}, else {@code auth} (base64 of
   * user:password), else {@code username} and {@code password} fields.
   */
  static Optional<Credential> credentialOf(JsonNode entry) {
    String identityToken = entry.path("identitytoken").asText("");
    if (!identityToken.isEmpty()) {
      return Optional.of(new Credential.IdentityToken(Secret.of(identityToken)));
    }
    String auth = entry.path("auth").asText("");
    if (!auth.isEmpty()) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = pair.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      return Optional.of(
          new Credential.Basic(pair.substring(0, colon), Secret.of(pair.substring(colon + 1))));
    }
    String username = entry.path("username").asText("");
    String password = entry.path("password").asText("");
    if (!username.isBlank() && !password.isEmpty()) {
      return Optional.of(new Credential.Basic(username, Secret.of(password)));
    }
    return Optional.empty();
  }
}
