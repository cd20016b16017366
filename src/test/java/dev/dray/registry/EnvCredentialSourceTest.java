package dev.dray.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.Secret;
import dev.dray.registry.CredentialSource.CredentialAttempt;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvCredentialSourceTest {
  @Test
  void saysNotSetWhenNeitherVariableIsSet() {
    CredentialAttempt attempt = new EnvCredentialSource(Map.of()).attempt("127.0.0.1:5001");

    assertThat(attempt.credential()).isEmpty();
    assertThat(attempt.lines())
        .containsExactly("env DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD: not set");
  }

  @Test
  void namesTheMissingVariableWhenOnlyOneIsSet() {
    CredentialAttempt attempt =
        new EnvCredentialSource(Map.of("DRAY_REGISTRY_USERNAME", "dray")).attempt("ghcr.io");

    assertThat(attempt.credential()).isEmpty();
    assertThat(attempt.lines())
        .singleElement()
        .asString()
        .endsWith("DRAY_REGISTRY_PASSWORD not set");
  }

  @Test
  void findsBasicCredentialForAnyHostWhenUnscoped() {
    var env = Map.of("DRAY_REGISTRY_USERNAME", "dray", "DRAY_REGISTRY_PASSWORD", "dray-secret");

    CredentialAttempt attempt = new EnvCredentialSource(env).attempt("ghcr.io");

    assertThat(attempt.credential())
        .contains(new Credential.Basic("dray", Secret.of("dray-secret")));
    assertThat(attempt.lines()).singleElement().asString().endsWith(": found");
  }

  @Test
  void appliesOnlyToTheScopedHost() {
    var env =
        Map.of(
            "DRAY_REGISTRY_USERNAME", "dray",
            "DRAY_REGISTRY_PASSWORD", "dray-secret",
            "DRAY_REGISTRY_HOST", "https://127.0.0.1:5001/");
    EnvCredentialSource source = new EnvCredentialSource(env);

    assertThat(source.lookup("127.0.0.1:5001")).isPresent();
    CredentialAttempt other = source.attempt("ghcr.io");
    assertThat(other.credential()).isEmpty();
    assertThat(other.lines())
        .singleElement()
        .asString()
        .contains("DRAY_REGISTRY_HOST=https://127.0.0.1:5001/")
        .contains("not ghcr.io")
        .doesNotContain("dray-secret");
  }
}
