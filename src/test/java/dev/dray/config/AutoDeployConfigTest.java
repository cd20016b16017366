package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The auto_deploy section of dray.yml: what it reads, defaults, and each problem it reports. */
class AutoDeployConfigTest {
  private static final String HEAD = "service: app\nimage: 127.0.0.1:5000/acme/app\n";

  @TempDir Path dir;

  @BeforeEach
  void createDockerfile() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\n");
  }

  private DrayConfig load(String yaml) throws IOException {
    Path file = dir.resolve("dray.yml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file, Map.of());
  }

  private List<String> problems(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void aConfigWithoutAutoDeployHasNone() throws IOException {
    assertThat(load(HEAD).autoDeploy()).isEmpty();
  }

  @Test
  void readsEveryKey() throws IOException {
    AutoDeployConfig auto =
        load(HEAD
                + """
                    auto_deploy:
                      watch: {tag: main, interval: 1m, jitter: 0.25}
                      semver: "^1.4"
                      branches: [main, "release/*"]
                      tags: ["v*"]
                      github_repository: acme/app
                      github_secret_env: GH_SECRET
                      registry_secret_env: REG_SECRET
                    """)
            .autoDeploy()
            .orElseThrow();

    assertThat(auto.watch()).contains(new WatchConfig("main", Duration.ofMinutes(1), 0.25));
    assertThat(auto.semver()).contains(SemverRange.parse("^1.4"));
    assertThat(auto.branches()).containsExactly("main", "release/*");
    assertThat(auto.tags()).containsExactly("v*");
    assertThat(auto.githubRepository()).contains("acme/app");
    assertThat(auto.githubSecretEnv()).contains("GH_SECRET");
    assertThat(auto.registrySecretEnv()).contains("REG_SECRET");
  }

  @Test
  void aTagFollowedThroughRegistryNotificationsNeedsNoPolling() throws IOException {
    AutoDeployConfig auto =
        load(HEAD + "auto_deploy:\n  tag: latest\n  registry_secret_env: REG_SECRET\n")
            .autoDeploy()
            .orElseThrow();

    assertThat(auto.watch()).isEmpty();
    assertThat(auto.followedTag()).contains("latest");
  }

  @Test
  void theWatchedTagIsTheFollowedTagWithoutATagKey() throws IOException {
    AutoDeployConfig auto =
        load(HEAD + "auto_deploy:\n  watch: {tag: edge}\n").autoDeploy().orElseThrow();

    assertThat(auto.tag()).isEmpty();
    assertThat(auto.followedTag()).contains("edge");
  }

  @Test
  void aTagWithoutNotificationsOrPollingIsRefused() {
    assertThat(problems(HEAD + "auto_deploy:\n  tag: latest\n"))
        .singleElement()
        .asString()
        .contains("auto_deploy.tag")
        .contains("set registry_secret_env, or watch");
  }

  @Test
  void aTagThatDiffersFromTheWatchedOneIsRefused() {
    assertThat(
            problems(
                HEAD
                    + "auto_deploy:\n  tag: latest\n  watch: {tag: edge}\n"
                    + "  registry_secret_env: REG\n"))
        .singleElement()
        .asString()
        .contains("tag latest differs from watch.tag edge");
  }

  @Test
  void anEmptyWatchPollsLatestEveryThirtySecondsWithTenPercentJitter() throws IOException {
    AutoDeployConfig auto = load(HEAD + "auto_deploy:\n  watch: {}\n").autoDeploy().orElseThrow();

    assertThat(auto.watch()).contains(WatchConfig.defaults());
    assertThat(WatchConfig.defaults())
        .isEqualTo(new WatchConfig("latest", Duration.ofSeconds(30), 0.1));
    assertThat(auto.semver()).isEmpty();
    assertThat(auto.branches()).isEmpty();
    assertThat(auto.githubSecretEnv()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          watch: {interval: soon}          | auto_deploy.watch.interval (dray.yml:4:21): expected a duration like 500ms, 2s or 1m30s, got 'soon'
          watch: {interval: 500ms}         | auto_deploy.watch.interval (dray.yml:4:21): expected at least 1s between two registry requests, got 500ms; registries rate-limit clients that poll faster
          watch: {jitter: 1.5}             | auto_deploy.watch.jitter (dray.yml:4:19): expected at most 1, got 1.5
          watch: {jitter: -0.1}            | auto_deploy.watch.jitter (dray.yml:4:19): expected at least 0, got -0.1
          watch: {tag: -bad}               | auto_deploy.watch.tag (dray.yml:4:16): expected an image tag (letters, digits, _ . -, at most 128, not starting with . or -), got '-bad'
          semver: '>=1.x.2'                | auto_deploy.semver (dray.yml:4:11): expected a semver range like >=1.2.0 <2.0.0, ^1.4, ~1.4.2 or 1.x: '1.x.2' has a number after a wildcard; write it like 1.x or 1.2.x
          github_secret_env: 1SECRET       | auto_deploy.github_secret_env (dray.yml:4:22): expected an environment variable name (letters, digits and _, not starting with a digit), got '1SECRET'
          registry_secret_env: MY-SECRET   | auto_deploy.registry_secret_env (dray.yml:4:24): expected an environment variable name (letters, digits and _, not starting with a digit), got 'MY-SECRET'
          github_repository: acme          | auto_deploy.github_repository (dray.yml:4:22): expected a GitHub repository such as acme/app, got 'acme'
          """)
  void reportsABadValueWithLineAndColumn(String line, String problem) {
    String yaml = HEAD + "auto_deploy:\n  " + line + "\n  branches: [main]\n";
    if (!line.startsWith("github_secret_env")) {
      yaml += "  github_secret_env: GH\n";
    }
    assertThat(problems(yaml)).containsExactly(problem);
  }

  @Test
  void rejectsASectionThatFollowsNothing() {
    assertThat(problems(HEAD + "auto_deploy:\n  github_secret_env: GH\n"))
        .containsExactly(
            "auto_deploy (dray.yml:3:1): auto_deploy follows nothing: set tag (registry"
                + " notifications), watch (poll a tag), semver (a range of tags), branches or tags"
                + " (GitHub pushes)");
  }

  @Test
  void rejectsGitHubPushesWithoutASecret() {
    assertThat(problems(HEAD + "auto_deploy:\n  tags: [\"v*\"]\n"))
        .containsExactly(
            "auto_deploy.tags (dray.yml:4:3): GitHub pushes are only trusted when signed: set"
                + " github_secret_env to the name of the environment variable holding the webhook"
                + " secret");
  }

  @Test
  void rejectsASemverRangeNothingCanDeliver() {
    assertThat(problems(HEAD + "auto_deploy:\n  semver: ^1.4\n"))
        .containsExactly(
            "auto_deploy.semver (dray.yml:4:3): a semver range is followed through registry"
                + " notifications or GitHub tag pushes: set registry_secret_env, or tags");
  }

  @Test
  void rejectsAnUnknownKeyUnderAutoDeploy() {
    assertThat(problems(HEAD + "auto_deploy:\n  watch: {}\n  branchs: [main]\n"))
        .singleElement()
        .asString()
        .startsWith("auto_deploy.branchs (dray.yml:5:3): unknown key");
  }

  @Test
  void theRecordKeepsItsListsUnmodifiable() {
    AutoDeployConfig auto =
        new AutoDeployConfig(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new java.util.ArrayList<>(List.of("main")),
            List.of(),
            Optional.empty(),
            Optional.of("GH"),
            Optional.empty());
    assertThat(auto.branches()).isUnmodifiable();
  }
}
