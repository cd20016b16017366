package dev.dray.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitContextTest {

  @ParameterizedTest(name = "{0} {1} -> branch [{2}] tag [{3}] pr [{4}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          push         | refs/heads/main        | main      | ''     | ''
          push         | refs/heads/feature/x   | feature/x | ''     | ''
          push         | refs/tags/v1.2.3       | ''        | v1.2.3 | ''
          pull_request | refs/pull/12/merge     | ''        | ''     | 12
          pull_request | refs/pull/12/head      | ''        | ''     | 12/head
          push         | HEAD                   | ''        | ''     | ''
          """)
  void splitsTheRef(String event, String ref, String branch, String tag, String pr) {
    GitContext git = GitContext.of(event, ref, Builds.SHA, "main");
    assertThat(git.branch()).isEqualTo(branch);
    assertThat(git.tag()).isEqualTo(tag);
    assertThat(git.pullRequest()).isEqualTo(pr);
  }

  @ParameterizedTest(name = "{0} {1} default {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          push               | refs/heads/main    | main   | true
          push               | refs/heads/dev     | main   | false
          push               | refs/tags/v1.2.3   | main   | false
          pull_request       | refs/pull/1/merge  | main   | false
          schedule           | refs/heads/dev     | main   | true
          create             | refs/tags/v1       | main   | true
          issues             | refs/heads/x       | main   | true
          discussion_comment | refs/heads/x       | main   | true
          workflow_dispatch  | refs/heads/dev     | main   | false
          """)
  void isDefaultBranchFollowsMetadataAction(
      String event, String ref, String defaultBranch, boolean expected) {
    assertThat(GitContext.of(event, ref, Builds.SHA, defaultBranch).isDefaultBranch())
        .isEqualTo(expected);
  }

  @Test
  void normalisesShaAndShortensIt() {
    GitContext git = GitContext.of("push", "refs/heads/main", Builds.SHA.toUpperCase(), "main");
    assertThat(git.sha()).isEqualTo(Builds.SHA);
    assertThat(git.shortSha()).isEqualTo("90dd603");
  }

  @Test
  void rejectsMissingOrInvalidFields() {
    assertThatThrownBy(() -> GitContext.of("push", "refs/heads/main", "xyz", "main"))
        .isInstanceOf(GitContextException.class)
        .hasMessageContaining("invalid commit SHA 'xyz'");
    assertThatThrownBy(() -> GitContext.of("push", " ", Builds.SHA, "main"))
        .isInstanceOf(GitContextException.class)
        .hasMessageContaining("no ref");
    assertThatThrownBy(() -> GitContext.of(null, "refs/heads/main", Builds.SHA, "main"))
        .hasMessageContaining("no event name");
  }

  @Test
  void withShaForgetsTheCommitDateOfAnotherCommit() {
    GitContext git =
        Builds.context("push", "refs/heads/main")
            .withSha(Builds.SHA)
            .withRef("refs/tags/v1")
            .withEventName("create")
            .withDefaultBranch("trunk");
    assertThat(git.ref()).isEqualTo("refs/tags/v1");
    assertThat(git.eventName()).isEqualTo("create");
    assertThat(git.defaultBranch()).isEqualTo("trunk");
    assertThat(git.repositoryName()).isEqualTo("Hello-World");
  }
}
