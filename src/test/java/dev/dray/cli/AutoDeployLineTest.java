package dev.dray.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.config.ConfigLoader;
import dev.dray.config.DrayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoDeployLineTest {
  private static final String HEAD =
      """
      service: hello
      image: 127.0.0.1:5000/acme/hello
      servers: [local]
      proxy: {port: 8080}
      services:
        web: {port: 80}
      """;

  @TempDir Path dir;

  private DrayConfig load(String yaml) throws Exception {
    Path file = dir.resolve("dray.yml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file, Map.of());
  }

  @Test
  void saysNothingForAnAppWithoutAutoDeploy() throws Exception {
    assertThat(AutoDeployLine.of(load(HEAD))).isEmpty();
  }

  @Test
  void namesTheWatchedTagAndTheInterval() throws Exception {
    DrayConfig app = load(HEAD + "auto_deploy:\n  watch: {tag: latest, interval: 5s}\n");

    assertThat(AutoDeployLine.of(app))
        .contains("hello auto-deploys: polls 127.0.0.1:5000/acme/hello:latest every 5.0s (HEAD)");
  }

  @Test
  void namesATagFollowedThroughNotificationsOnly() throws Exception {
    DrayConfig app =
        load(HEAD + "auto_deploy:\n  tag: latest\n  registry_secret_env: REG_SECRET\n");

    assertThat(AutoDeployLine.of(app))
        .contains(
            "hello auto-deploys: follows 127.0.0.1:5000/acme/hello:latest; registry notifications"
                + " at POST /hooks/registry (secret from $REG_SECRET)");
  }

  @Test
  void namesTheWebhooksAndWhereTheirSecretsComeFrom() throws Exception {
    DrayConfig app =
        load(
            HEAD
                + """
                auto_deploy:
                  semver: "^1.4"
                  branches: [main]
                  tags: ["v*"]
                  github_secret_env: GH_SECRET
                  registry_secret_env: REG_SECRET
                """);

    assertThat(AutoDeployLine.of(app).orElseThrow())
        .startsWith("hello auto-deploys: tags in ^1.4; ")
        .contains("registry notifications at POST /hooks/registry (secret from $REG_SECRET)")
        .contains(
            "GitHub pushes (branch main → build + deploy; tag v* → deploy) at POST"
                + " /hooks/github/hello (secret from $GH_SECRET)")
        .doesNotContain("polls");
  }
}
