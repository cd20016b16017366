package dev.dray.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialResolverTest {
  @TempDir Path home;

  private final ProcessRunner noProcesses =
      (command, environment, stdin, timeout) -> {
        throw new AssertionError("no helper expected, ran " + command);
      };

  @Test
  void listsEveryAttemptWhenNothingIsFound() {
    CredentialResolver resolver = CredentialResolver.standard(Map.of(), home, noProcesses);

    CredentialLookup lookup = resolver.resolve("127.0.0.1:5001");

    assertThat(lookup.credential()).isEmpty();
    assertThat(lookup.source()).isEqualTo("none");
    assertThat(lookup.attempts())
        .containsExactly(
            "env DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD: not set",
            home.resolve(".docker/config.json") + ": not found");
  }

  @Test
  void environmentWinsOverDockerConfig() throws Exception {
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(
        home.resolve(".docker/config.json"),
        "{\"auths\":{\"ghcr.io\":{\"auth\":\"%s\"}}}"
            .formatted(
                Base64.getEncoder().encodeToString("cfg:cfgpw".getBytes(StandardCharsets.UTF_8))));
    var env = Map.of("DRAY_REGISTRY_USERNAME", "envuser", "DRAY_REGISTRY_PASSWORD", "envpw");

    CredentialLookup lookup =
        CredentialResolver.standard(env, home, noProcesses).resolve("https://ghcr.io/v1/");

    assertThat(lookup.credential()).contains(new Credential.Basic("envuser", Secret.of("envpw")));
    assertThat(lookup.source()).isEqualTo("env DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD");
    assertThat(lookup.attempts()).hasSize(1);
  }

  @Test
  void fallsThroughToDockerConfigAndNamesTheEntryAsSource() throws Exception {
    Files.createDirectories(home.resolve(".docker"));
    Path config =
        Files.writeString(
            home.resolve(".docker/config.json"),
            "{\"auths\":{\"ghcr.io\":{\"auth\":\"%s\"}}}"
                .formatted(
                    Base64.getEncoder()
                        .encodeToString("cfg:cfgpw".getBytes(StandardCharsets.UTF_8))));

    CredentialLookup lookup =
        CredentialResolver.standard(Map.of(), home, noProcesses).resolve("ghcr.io");

    assertThat(lookup.credential()).contains(new Credential.Basic("cfg", Secret.of("cfgpw")));
    assertThat(lookup.source()).isEqualTo(config + " auths[ghcr.io]");
    assertThat(lookup.attempts())
        .containsExactly(
            "env DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD: not set",
            config + " auths[ghcr.io]: found");
  }

  @Test
  void recordsSourceThatThrowsAndCarriesOn() {
    CredentialSource broken =
        new CredentialSource() {
          @Override
          public String describe() {
            return "broken source";
          }

          @Override
          public CredentialAttempt attempt(String registryHost) {
            throw new IllegalStateException("boom");
          }
        };
    CredentialResolver resolver =
        new CredentialResolver(List.of(broken, new EnvCredentialSource(Map.of())));

    CredentialLookup lookup = resolver.resolve("ghcr.io");

    assertThat(lookup.attempts())
        .containsExactly(
            "broken source: failed: boom",
            "env DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD: not set");
  }
}
