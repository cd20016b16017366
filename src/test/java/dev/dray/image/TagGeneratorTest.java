package dev.dray.image;

import static dev.dray.image.Builds.list;
import static dev.dray.image.Builds.tags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dray's defaults, ordering, latest, flavor and sanitising, and where dray deviates. */
class TagGeneratorTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          push         | refs/heads/master        | master-90dd603, latest, sha-90dd603
          push         | refs/heads/feature/x#1   | feature-x-1-90dd603, sha-90dd603
          push         | refs/tags/v1.2.3         | 1.2.3, 1.2, 1, sha-90dd603, latest
          push         | refs/tags/1.2.3          | 1.2.3, 1.2, 1, sha-90dd603, latest
          push         | refs/tags/v2.0.0-rc.1    | 2.0.0-rc.1, sha-90dd603
          push         | refs/tags/release-7      | sha-90dd603
          pull_request | refs/pull/12/merge       | sha-90dd603
          schedule     | refs/heads/master        | master-90dd603, latest, sha-90dd603
          """)
  void draysDefaultRules(String event, String ref, String expected) {
    assertThat(tags(event, ref, "")).isEqualTo(list(expected));
  }

  @Test
  void defaultBranchGetsLatestOnlyWhenARuleAsksForIt() {
    assertThat(tags("push", "refs/heads/master", "type=ref,event=branch"))
        .containsExactly("master");
    assertThat(
            tags(
                "push",
                "refs/heads/master",
                "type=ref,event=branch\ntype=raw,value=latest,enable={{is_default_branch}}"))
        .containsExactly("master", "latest");
    assertThat(
            tags(
                "push",
                "refs/heads/dev",
                "type=ref,event=branch\ntype=raw,value=latest,enable={{is_default_branch}}"))
        .containsExactly("dev");
  }

  @Test
  void branchPrefixOnTagPushIsAnErrorNamingRuleAndTag() {
    assertThatThrownBy(
            () ->
                tags(
                    "push",
                    "refs/tags/v1.2.3",
                    "type=semver,pattern={{version}}\ntype=sha,prefix={{branch}}-"))
        .isInstanceOfSatisfying(
            TagRuleException.class,
            e -> {
              assertThat(e.index()).isEqualTo(2);
              assertThat(e.text()).isEqualTo("type=sha,prefix={{branch}}-");
              assertThat(e.producedTag()).contains("-90dd603");
              assertThat(e.getMessage())
                  .contains("tag rule 2 'type=sha,prefix={{branch}}-'", "'-90dd603'");
              assertThat(e.hint()).get().asString().contains("enable={{is_not_default_branch}}");
            });
  }

  @Test
  void branchPrefixOnBranchPushIsFine() {
    assertThat(tags("push", "refs/heads/dev", "type=sha,prefix={{branch}}-"))
        .containsExactly("dev-90dd603");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          feature/x#1      | feature-x-1
          feat/ü+ber//x    | feat-ber-x
          Fix_Upper.Case   | Fix_Upper.Case
          """)
  void branchNamesAreSanitised(String branch, String expected) {
    assertThat(tags("push", "refs/heads/" + branch, "type=ref,event=branch"))
        .containsExactly(expected);
  }

  @Test
  void tagsLongerThan128CharactersAreRejected() {
    String branch = "b".repeat(129);
    assertThatThrownBy(() -> tags("push", "refs/heads/" + branch, "type=ref,event=branch"))
        .isInstanceOf(TagRuleException.class)
        .hasMessageContaining("at most 128 characters, this one has 129");
    assertThat(tags("push", "refs/heads/" + "b".repeat(128), "type=ref,event=branch"))
        .containsExactly("b".repeat(128));
  }

  @Test
  void pullRequestRefGivesPrNumber() {
    assertThat(tags("pull_request", "refs/pull/12/merge", "type=ref,event=pr"))
        .containsExactly("pr-12");
    assertThat(tags("pull_request", "refs/pull/12/merge", "type=ref,event=pr,prefix=mr-"))
        .containsExactly("mr-12");
  }

  @ParameterizedTest(name = "flavor [{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                                          | 1.2.3, sha-90dd603, latest
          latest=false                                | 1.2.3, sha-90dd603
          prefix=app-                                 | app-1.2.3, sha-90dd603, latest
          suffix=-alpine                              | 1.2.3-alpine, sha-90dd603-alpine, latest
          prefix=app-,onlatest=true                   | app-1.2.3, sha-90dd603, app-latest
          suffix=-alpine,onlatest=true                | 1.2.3-alpine, sha-90dd603-alpine, latest-alpine
          """)
  void flavorPrefixSuffixAndLatest(String flavor, String expected) {
    String[] entries = flavor.isEmpty() ? new String[0] : new String[] {flavor};
    assertThat(
            tags("push", "refs/tags/v1.2.3", "type=semver,pattern={{version}}\ntype=sha", entries))
        .isEqualTo(list(expected));
  }

  @Test
  void flavorLatestTrueAddsLatestEvenOnBranches() {
    assertThat(tags("push", "refs/heads/dev", "type=ref,event=branch", "latest=true"))
        .containsExactly("dev", "latest");
  }

  @Test
  void ruleWithItsOwnEmptyPrefixIgnoresFlavorPrefix() {
    assertThat(tags("push", "refs/heads/dev", "type=ref,event=branch,prefix=", "prefix=app-"))
        .containsExactly("dev");
  }

  @Test
  void higherPriorityComesFirstAndDecidesLatest() {
    assertThat(
            tags(
                "push",
                "refs/tags/v1.2.3",
                "type=semver,pattern={{version}}\ntype=sha,priority=1000"))
        .containsExactly("sha-90dd603", "1.2.3");
  }

  @Test
  void equalPrioritiesKeepTheirOrder() {
    assertThat(tags("push", "refs/heads/dev", "type=raw,value=b\ntype=raw,value=a"))
        .containsExactly("b", "a");
    assertThat(tags("push", "refs/heads/dev", "type=raw,value=b\ntype=raw,value=a,priority=201"))
        .containsExactly("a", "b");
  }

  @Test
  void duplicateTagsAreListedOnce() {
    assertThat(
            tags(
                "push",
                "refs/tags/v1.2.3",
                "type=semver,pattern={{version}}\ntype=match,pattern=\\d.\\d.\\d\ntype=raw,value=latest"))
        .containsExactly("1.2.3", "latest");
  }

  @Test
  void disabledRulesProduceNothing() {
    assertThat(tags("push", "refs/heads/dev", "type=raw,value=a,enable=false\ntype=raw,value=b"))
        .containsExactly("b");
  }

  @Test
  void enableMustRenderToTrueOrFalse() {
    assertThatThrownBy(() -> tags("push", "refs/heads/dev", "type=raw,value=a,enable={{branch}}"))
        .isInstanceOf(TagRuleException.class)
        .hasMessageContaining("gave 'dev', expected true or false");
  }

  @Test
  void unknownExpressionIsAnErrorNamingTheRule() {
    assertThatThrownBy(() -> tags("push", "refs/heads/dev", "type=raw,value={{brnach}}"))
        .isInstanceOf(TagRuleException.class)
        .hasMessageContaining("tag rule 1 'type=raw,value={{brnach}}'")
        .hasMessageContaining("unknown expression {{brnach}}");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          type=sha                          | sha-90dd603
          type=sha,format=long              | sha-90dd6032fac8bda1b6c4436a2e65de27961ed071
          type=sha,prefix=,format=long      | 90dd6032fac8bda1b6c4436a2e65de27961ed071
          type=sha,prefix=commit-,suffix=-x | commit-90dd603-x
          """)
  void shaShortAndLong(String rule, String expected) {
    assertThat(tags("push", "refs/heads/dev", rule)).containsExactly(expected);
  }

  @Test
  void semverIgnoresTagsThatAreNotVersions() {
    assertThat(tags("push", "refs/tags/v1.2", "type=semver,pattern={{version}}")).isEmpty();
    assertThat(tags("push", "refs/heads/v1.2.3", "type=semver,pattern={{version}}")).isEmpty();
  }

  @Test
  void semverValueAttributeWorksOnAnyRef() {
    assertThat(tags("push", "refs/heads/dev", "type=semver,pattern={{major}},value=v3.4.5"))
        .containsExactly("3", "latest");
  }

  @Test
  void semverBuildMetadataIsNotPartOfVersion() {
    assertThat(
            tags("push", "refs/tags/v9.5.7-alpha.2+fork.3.1.8", "type=semver,pattern={{version}}"))
        .containsExactly("9.5.7-alpha.2");
  }

  @Test
  void versionIsTheFirstTagOrEmpty() {
    GitContext git = Builds.context("push", "refs/tags/v1.2.3");
    assertThat(Builds.generate(git, "type=sha\ntype=semver,pattern={{version}}").version())
        .isEqualTo("1.2.3");
    assertThat(Builds.generate(git, "type=ref,event=pr").version()).isEmpty();
  }
}
