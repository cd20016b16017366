package dev.dray.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dray.Secret;
import org.junit.jupiter.api.Test;

class CredentialTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void basicCredentialBecomesEngineAuthJsonWithUsernamePasswordAndServer() throws Exception {
    Credential credential = new Credential.Basic("dray", Secret.of("p\"w"));

    JsonNode auth = json.readTree(credential.toEngineAuthJson("127.0.0.1:5001"));

    assertThat(auth.get("username").asText()).isEqualTo("dray");
    assertThat(auth.get("password").asText()).isEqualTo("p\"w");
    assertThat(auth.get("serveraddress").asText()).isEqualTo("127.0.0.1:5001");
    assertThat(auth.has("identitytoken")).isFalse();
  }

  @Test
  void identityTokenBecomesEngineAuthJsonWithIdentityToken() throws Exception {
    Credential credential = new Credential.IdentityToken(Secret.of("refresh-123"));

    JsonNode auth = json.readTree(credential.toEngineAuthJson("https://index.docker.io/v1/"));

    assertThat(auth.get("identitytoken").asText()).isEqualTo("refresh-123");
    assertThat(auth.get("serveraddress").asText()).isEqualTo("https://index.docker.io/v1/");
    assertThat(auth.has("username")).isFalse();
    assertThat(auth.has("password")).isFalse();
  }

  @Test
  void toStringNeverShowsTheSecret() {
    assertThat(new Credential.Basic("dray", Secret.of("dray-secret")).toString())
        .contains("dray")
        .doesNotContain("dray-secret");
    assertThat(new Credential.IdentityToken(Secret.of("tok-abc")).toString())
        .doesNotContain("tok-abc");
  }

  @Test
  void basicAuthorizationHeaderIsBase64OfUserColonPassword() {
    assertThat(new Credential.Basic("dray", Secret.of("dray-secret")).authorizationHeader())
        .isEqualTo("Basic ZHJheTpkcmF5LXNlY3JldA==");
  }
}
