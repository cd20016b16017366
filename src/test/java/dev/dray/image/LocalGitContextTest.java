package dev.dray.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads the context of real repositories made with {@code git init} in a temporary directory. */
class LocalGitContextTest {
  @TempDir Path dir;
  private Path repo;
  private final LocalGitContext local = new LocalGitContext();

  @BeforeEach
  void createRepository() throws Exception {
    repo = dir.resolve("my-app");
    Files.createDirectories(repo);
    git("init", "-q", "-b", "work");
    Files.writeString(repo.resolve("README"), "hi\n");
    git("add", "README");
    git("commit", "-q", "-m", "first");
  }

  @Test
  void readsBranchShaAndCommitDate() throws Exception {
    GitContext git = local.resolve(Map.of(), repo);
    assertThat(git.eventName()).isEqualTo("push");
    assertThat(git.ref()).isEqualTo("refs/heads/work");
    assertThat(git.sha()).isEqualTo(git("rev-parse", "HEAD"));
    assertThat(git.commitDate()).contains(Instant.parse("2020-01-10T00:30:00Z"));
    assertThat(git.repositoryName()).isEqualTo("my-app");
    assertThat(git.repositoryUrl()).isEmpty();
  }

  @Test
  void detachedHeadOnATagGivesTheTagRef() throws Exception {
    git("tag", "v1.2.3");
    git("checkout", "-q", "--detach");
    assertThat(local.resolve(Map.of(), repo).ref()).isEqualTo("refs/tags/v1.2.3");
  }

  @Test
  void detachedHeadWithoutTagGivesHead() throws Exception {
    git("checkout", "-q", "--detach");
    assertThat(local.resolve(Map.of(), repo).ref()).isEqualTo("HEAD");
  }

  @Test
  void originBecomesAnHttpsUrlAndName() throws Exception {
    git("remote", "add", "origin", "git@github.com:acme/web-shop.git");
    GitContext git = local.resolve(Map.of(), repo);
    assertThat(git.repositoryUrl()).isEqualTo("https://github.com/acme/web-shop");
    assertThat(git.repositoryName()).isEqualTo("web-shop");
  }

  @Test
  void defaultBranchFromOriginHeadThenEnvThenInitDefaultBranchThenMain() throws Exception {
    String configured = gitConfigOrEmpty("init.defaultBranch");
    assertThat(local.resolve(Map.of(), repo).defaultBranch())
        .isEqualTo(configured.isEmpty() ? "main" : configured);
    git("config", "init.defaultBranch", "trunk");
    assertThat(local.resolve(Map.of(), repo).defaultBranch()).isEqualTo("trunk");
    assertThat(local.resolve(Map.of("DRAY_DEFAULT_BRANCH", "develop"), repo).defaultBranch())
        .isEqualTo("develop");
    git("update-ref", "refs/remotes/origin/stable", "HEAD");
    git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/stable");
    assertThat(local.resolve(Map.of("DRAY_DEFAULT_BRANCH", "develop"), repo).defaultBranch())
        .isEqualTo("stable");
  }

  @Test
  void appliesOnlyInsideARepository() throws Exception {
    Path sub = Files.createDirectories(repo.resolve("sub/dir"));
    assertThat(local.appliesTo(Map.of(), sub)).isTrue();
    assertThat(local.resolve(Map.of(), sub).ref()).isEqualTo("refs/heads/work");
    Path outside = Files.createDirectories(dir.resolve("plain"));
    assertThat(local.appliesTo(Map.of(), outside)).isFalse();
    assertThat(new LocalGitContext("/nonexistent/git").appliesTo(Map.of(), repo)).isFalse();
  }

  @Test
  void repositoryWithoutCommitsIsAnError() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    run(empty, "init", "-q");
    assertThatThrownBy(() -> local.resolve(Map.of(), empty))
        .isInstanceOf(GitContextException.class)
        .hasMessageContaining("has no commits");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          git@github.com:acme/app.git                       | https://github.com/acme/app
          github.com:acme/app                               | https://github.com/acme/app
          ssh://git@gitlab.example.com:2222/g/sub/app.git   | https://gitlab.example.com/g/sub/app
          https://user:s3cret@github.com/acme/app.git       | https://github.com/acme/app
          http://git.local/acme/app/                        | https://git.local/acme/app
          git://git.local/app.git                           | https://git.local/app
          /srv/git/app.git                                  | ''
          file:///srv/git/app.git                           | ''
          ../app                                            | ''
          """)
  void convertsRemoteUrlsToHttpsWithoutCredentials(String remote, String expected) {
    assertThat(LocalGitContext.httpsUrl(remote)).isEqualTo(expected);
  }

  private String gitConfigOrEmpty(String key) {
    try {
      return git("config", "--get", key);
    } catch (Exception e) {
      return "";
    }
  }

  private String git(String... args) throws Exception {
    return run(repo, args);
  }

  private static String run(Path in, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", in.toString()));
    command.addAll(List.of("-c", "user.name=Test", "-c", "user.email=test@example.com"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("GIT_COMMITTER_DATE", "2020-01-10T00:30:00Z");
    pb.environment().put("GIT_AUTHOR_DATE", "2020-01-10T00:30:00Z");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }
}
