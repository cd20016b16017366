package dev.dray.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fetches bearer tokens from the realm a registry names in its challenge: GET with {@code service}
 * and {@code scope} (basic auth when there are credentials), or an OAuth2 {@code refresh_token}
 * POST for identity tokens. Accepts {@code token} or {@code access_token}.
 */
final class TokenFetcher {
  /** Lifetime assumed when the token service does not say (the spec's default). */
  static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT_ID = "dray";

  private final Clock clock;

  TokenFetcher(Clock clock) {
    this.clock = clock;
  }

  TokenOutcome fetch(
      RequestSender sender,
      String registry,
      AuthChallenge.Bearer challenge,
      Optional<String> scope,
      Optional<Credential> credential)
      throws IOException {
    if (challenge.realm().isBlank()) {
      return new TokenOutcome.Refused("the registry's Bearer challenge names no realm");
    }
    RegistryRequest request = request(registry, challenge, scope, credential);
    RegistryResponse response = sender.send(request);
    if (!response.isSuccessful()) {
      return new TokenOutcome.Refused(
          "token service " + withoutQuery(request.uri()) + " answered HTTP " + response.status());
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      body = null;
    }
    String token = body == null ? "" : body.path("token").asText("");
    if (token.isEmpty() && body != null) {
      token = body.path("access_token").asText("");
    }
    if (token.isEmpty()) {
      return new TokenOutcome.Refused(
          "token service " + withoutQuery(request.uri()) + " answered without a token");
    }
    long seconds = body.path("expires_in").asLong(0);
    Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
    return new TokenOutcome.Issued(
        new BearerToken(dev.dray.Secret.of(token), clock.instant().plus(lifetime)));
  }

  private static RegistryRequest request(
      String registry,
      AuthChallenge.Bearer challenge,
      Optional<String> scope,
      Optional<Credential> credential) {
    List<String> scopes = scope.map(s -> List.of(s.trim().split("\\s+"))).orElse(List.of());
    if (credential.orElse(null) instanceof Credential.IdentityToken identity) {
      List<String> form = new ArrayList<>();
      form.add("grant_type=refresh_token");
      form.add("client_id=" + CLIENT_ID);
      challenge.service().ifPresent(s -> form.add("service=" + encode(s)));
      if (!scopes.isEmpty()) {
        form.add("scope=" + encode(String.join(" ", scopes)));
      }
      form.add("refresh_token=" + encode(identity.token().reveal()));
      return RegistryRequest.of("POST", URI.create(challenge.realm()), registry)
          .withBody(
              String.join("&", form).getBytes(StandardCharsets.UTF_8),
              "application/x-www-form-urlencoded");
    }
    List<String> query = new ArrayList<>();
    challenge.service().ifPresent(s -> query.add("service=" + encode(s)));
    scopes.forEach(s -> query.add("scope=" + encode(s)));
    String realm = challenge.realm();
    String separator = realm.contains("?") ? "&" : "?";
    URI uri = URI.create(query.isEmpty() ? realm : realm + separator + String.join("&", query));
    RegistryRequest request = RegistryRequest.of("GET", uri, registry);
    if (credential.orElse(null) instanceof Credential.Basic basic) {
      request = request.withHeader("Authorization", basic.authorizationHeader());
    }
    return request;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String withoutQuery(URI uri) {
    String text = uri.toString();
    int query = text.indexOf('?');
    return query >= 0 ? text.substring(0, query) : text;
  }
}
