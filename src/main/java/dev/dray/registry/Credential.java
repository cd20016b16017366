package dev.dray.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dray.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A credential for one registry: a user name with a password, or an identity (refresh) token as
 * {@code docker login} stores it for registries that use OAuth2.
 */
public sealed interface Credential {
  /** A user name and password, sent as HTTP basic auth or to a token service. */
  record Basic(String username, Secret password) implements Credential {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (username.isBlank()) {
        throw new IllegalArgumentException("username is blank");
      }
    }

    /** The value of an {@code Authorization} header for basic auth. */
    public String authorizationHeader() {
      String pair = username + ":" + password.reveal();
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An OAuth2 refresh token, exchanged at the registry's token service for access tokens. */
  record IdentityToken(Secret token) implements Credential {
    public IdentityToken {
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * The JSON the Docker Engine expects in {@code X-Registry-Auth}, before base64url encoding:
   * {@code {"username","password","serveraddress"}} or {@code {"identitytoken","serveraddress"}}.
   */
  default String toEngineAuthJson(String serverAddress) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode node = json.createObjectNode();
    switch (this) {
      case Basic basic -> {
        node.put("username", basic.username());
        node.put("password", basic.password().reveal());
      }
      case IdentityToken token -> node.put("identitytoken", token.token().reveal());
    }
    node.put("serveraddress", serverAddress);
    return node.toString();
  }
}
