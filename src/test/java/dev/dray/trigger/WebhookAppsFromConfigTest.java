package dev.dray.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dray.config.ConfigLoader;
import dev.dray.config.DrayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub and registry webhook apps built from a loaded dray.yml and the environment. */
class WebhookAppsFromConfigTest {
  @TempDir Path dir;

  private DrayConfig load(String autoDeploy) throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\n");
    Path file = dir.resolve("dray.yml");
    Files.writeString(
        file,
        """
        service: hello
        image: 127.0.0.1:5000/acme/hello
        tags: [type=sha]
        services:
          web: {port: 80}
          worker: {image: 127.0.0.1:5000/acme/hello-worker}
        """
            + autoDeploy);
    return ConfigLoader.load(file, Map.of());
  }

  private static final String AUTO =
      """
      auto_deploy:
        watch: {tag: edge}
        semver: ^1.4
        branches: [main]
        tags: [v*]
        github_repository: acme/hello
        github_secret_env: GH_SECRET
        registry_secret_env: REG_SECRET
      """;

  @Test
  void buildsBothAppsWithTheSecretsFromTheEnvironment() throws IOException {
    DrayConfig config = load(AUTO);
    Map<String, String> env = Map.of("GH_SECRET", "gh-value", "REG_SECRET", "reg-value");

    GitHubApp github = GitHubApp.fromConfig(config, env).orElseThrow();
    RegistryApp registry = RegistryApp.fromConfig(config, env).orElseThrow();

    assertThat(github.app()).isEqualTo("hello");
    assertThat(github.repository()).contains("acme/hello");
    assertThat(github.secret().reveal()).isEqualTo("gh-value");
    assertThat(github.policy())
        .isEqualTo(
            new DeployPolicy(
                "hello", Optional.of("edge"), Optional.of("^1.4"), List.of("main"), List.of("v*")));
    assertThat(registry.repositories()).containsExactly("acme/hello", "acme/hello-worker");
    assertThat(registry.secret().reveal()).isEqualTo("reg-value");
    assertThat(registry.toString()).doesNotContain("reg-value");
  }

  @Test
  void anAppWithoutAutoDeployHasNoWebhooks() throws IOException {
    DrayConfig config = load("");

    assertThat(GitHubApp.fromConfig(config, Map.of())).isEmpty();
    assertThat(RegistryApp.fromConfig(config, Map.of())).isEmpty();
  }

  @Test
  void aSecretVariableThatIsNotSetIsAnErrorNamingIt() throws IOException {
    DrayConfig config = load(AUTO);

    assertThatThrownBy(() -> GitHubApp.fromConfig(config, Map.of("REG_SECRET", "x")))
        .isInstanceOf(MissingWebhookSecretException.class)
        .hasMessage(
            "app 'hello': auto_deploy.github_secret_env names the environment variable"
                + " GH_SECRET, which is not set or empty, so its webhooks could not be verified")
        .satisfies(
            e ->
                assertThat(((MissingWebhookSecretException) e).hint())
                    .contains(
                        "export GH_SECRET=<the secret configured in the webhook> before starting"
                            + " dray server"));
    assertThatThrownBy(() -> RegistryApp.fromConfig(config, Map.of("REG_SECRET", "")))
        .isInstanceOf(MissingWebhookSecretException.class)
        .hasMessageContaining(
            "auto_deploy.registry_secret_env names the environment variable REG_SECRET");
  }
}
