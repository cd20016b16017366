package dev.dray.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.image.GitContext;
import dev.dray.image.GitContextResolver;
import dev.dray.image.ProjectInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TagsCommandTest {
  private static final String SHA = "90dd6032fac8bda1b6c4436a2e65de27961ed071";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2020-01-10T00:30:00Z"), ZoneOffset.UTC);
  private static final GitContext MAIN_PUSH =
      new GitContext(
          "push",
          "refs/heads/main",
          SHA,
          "main",
          Optional.empty(),
          "https://github.com/acme/shop",
          "shop",
          "");

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(TagsCommand command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private int run(Supplier<GitContext> git, String... args) {
    return run(new TagsCommand(TagsCommand.Defaults.NONE, git, CLOCK), args);
  }

  @Test
  void printsOneReferencePerLineWithDefaultRules() {
    int code = run(() -> MAIN_PUSH, "--image", "ghcr.io/acme/shop", "--image", "acme/shop");
    assertThat(code).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "ghcr.io/acme/shop:main-90dd603",
            "ghcr.io/acme/shop:latest",
            "ghcr.io/acme/shop:sha-90dd603",
            "acme/shop:main-90dd603",
            "acme/shop:latest",
            "acme/shop:sha-90dd603");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void printsBareTagsWithoutImagesAndOptionsOverrideTheContext() {
    int code =
        run(
            () -> MAIN_PUSH,
            "--ref",
            "refs/tags/v2.0.0-rc.1",
            "--tag-rule",
            "type=semver,pattern={{version}}",
            "--tag-rule",
            "type=semver,pattern={{major}}");
    assertThat(code).isZero();
    assertThat(out.toString().lines()).containsExactly("2.0.0-rc.1");
  }

  @Test
  void flavorAndDefaultBranchOptions() {
    int code =
        run(
            () -> MAIN_PUSH,
            "--default-branch",
            "trunk",
            "--flavor",
            "suffix=-slim",
            "--tag-rule",
            "type=raw,value=latest,enable={{is_default_branch}}",
            "--tag-rule",
            "type=ref,event=branch");
    assertThat(code).isZero();
    assertThat(out.toString().lines()).containsExactly("main-slim");
  }

  @Test
  void labelsFollowAfterABlankLine() {
    TagsCommand command =
        new TagsCommand(
            new TagsCommand.Defaults(
                List.of("acme/shop"),
                List.of("type=sha"),
                List.of(),
                new ProjectInfo("", "", "MIT", "", "web"),
                Map.of("team", "payments")),
            () -> MAIN_PUSH,
            CLOCK);
    assertThat(run(command, "--labels")).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "acme/shop:sha-90dd603",
            "",
            "dray.service=web",
            "org.opencontainers.image.created=2020-01-10T00:30:00.000Z",
            "org.opencontainers.image.licenses=MIT",
            "org.opencontainers.image.revision=" + SHA,
            "org.opencontainers.image.source=https://github.com/acme/shop",
            "org.opencontainers.image.title=shop",
            "org.opencontainers.image.url=https://github.com/acme/shop",
            "org.opencontainers.image.version=sha-90dd603",
            "team=payments");
  }

  @Test
  void invalidTagFromRuleIsBadInputWithHint() {
    int code =
        run(
            () -> MAIN_PUSH,
            "--ref",
            "refs/tags/v1.2.3",
            "--tag-rule",
            "type=sha,prefix={{branch}}-");
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly(
            "error: tag rule 1 'type=sha,prefix={{branch}}-': produced the invalid tag"
                + " '-90dd603': a tag cannot start with '-'",
            "hint: make the rule apply only where its expressions have values, e.g. add"
                + " enable={{is_not_default_branch}} or use type=ref,event=branch,suffix=-{{sha}}"
                + " instead of prefix={{branch}}- (which is empty on tag and pull request builds)");
  }

  @Test
  void invalidRuleFlavorOrShaAreBadInput() {
    assertThat(run(() -> MAIN_PUSH, "--tag-rule", "type=bogus")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: tag rule 1 'type=bogus': unknown type");
    assertThat(run(() -> MAIN_PUSH, "--flavor", "latest=maybe")).isEqualTo(2);
    assertThat(run(() -> MAIN_PUSH, "--sha", "nothex")).isEqualTo(2);
    assertThat(err.toString()).contains("error: invalid commit SHA 'nothex'");
  }

  @Test
  void missingContextFailsUnlessRefAndShaAreGiven() {
    Supplier<GitContext> none = () -> GitContextResolver.standard().resolve(Map.of(), dir);
    assertThat(run(none)).isEqualTo(1);
    assertThat(err.toString())
        .contains("error: could not determine the Git context of this build")
        .contains("hint: ");

    StringWriter fresh = new StringWriter();
    CommandLine cli = new CommandLine(new TagsCommand(TagsCommand.Defaults.NONE, none, CLOCK));
    cli.setOut(new PrintWriter(fresh));
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(
            cli.execute(
                "--ref",
                "refs/pull/12/merge",
                "--sha",
                SHA,
                "--event",
                "pull_request",
                "--tag-rule",
                "type=ref,event=pr"))
        .isZero();
    assertThat(fresh.toString().lines()).containsExactly("pr-12");
  }

  @Test
  void warnsWhenNoRuleProducesATag() {
    assertThat(run(() -> MAIN_PUSH, "--tag-rule", "type=ref,event=pr")).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .startsWith("warning: no tag rule produced a tag for push refs/heads/main");
  }

  @Test
  void isRegisteredAsSubcommandOfDray() {
    assertThat(
            Main.commandLine(new java.io.PrintWriter(out), new java.io.PrintWriter(err), Map.of())
                .getSubcommands())
        .containsKey("tags");
  }
}
