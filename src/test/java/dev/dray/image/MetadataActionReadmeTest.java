package dev.dray.image;

import static dev.dray.image.Builds.list;
import static dev.dray.image.Builds.tags;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples of docker/metadata-action's README (v5), as tables: event, ref and rule in, tags
 * out.
 */
class MetadataActionReadmeTest {
  static final String METADATA_ACTION_DEFAULTS =
      "type=schedule\ntype=ref,event=branch\ntype=ref,event=tag\ntype=ref,event=pr";
  static final String SEMVER_EXAMPLE =
      "type=ref,event=branch\ntype=ref,event=pr\n"
          + "type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}";

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          pull_request      | refs/pull/2/merge        | pr-2
          push              | refs/heads/master        | master
          push              | refs/heads/releases/v1   | releases-v1
          push              | refs/tags/v1.2.3         | v1.2.3, latest
          push              | refs/tags/v2.0.8-beta.67 | v2.0.8-beta.67, latest
          workflow_dispatch | refs/heads/master        | master
          """)
  void basicUsageTagsRefsByName(String event, String ref, String expected) {
    assertThat(tags(event, ref, METADATA_ACTION_DEFAULTS)).isEqualTo(list(expected));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          pull_request | refs/pull/2/merge        | pr-2
          push         | refs/heads/master        | master
          push         | refs/heads/releases/v1   | releases-v1
          push         | refs/tags/v1.2.3         | 1.2.3, 1.2, latest
          push         | refs/tags/v2.0.8-beta.67 | 2.0.8-beta.67
          """)
  void semverUsageGivesPreReleasesOnlyTheirVersion(String event, String ref, String expected) {
    assertThat(tags(event, ref, SEMVER_EXAMPLE)).isEqualTo(list(expected));
  }

  @org.junit.jupiter.api.Test
  void bakeExampleAddsShortShaBeforeLatest() {
    assertThat(tags("push", "refs/tags/v1.2.3", SEMVER_EXAMPLE + "\ntype=sha"))
        .containsExactly("1.2.3", "1.2", "sha-90dd603", "latest");
  }

  @ParameterizedTest(name = "{0} with {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          v1.2.3         | {{raw}}             | v1.2.3
          v1.2.3         | {{version}}         | 1.2.3
          v1.2.3         | {{major}}.{{minor}} | 1.2
          v1.2.3         | v{{major}}          | v1
          v1.2.3         | {{minor}}           | 2
          v1.2.3         | {{patch}}           | 3
          v2.0.8-beta.67 | {{raw}}             | v2.0.8-beta.67
          v2.0.8-beta.67 | {{version}}         | 2.0.8-beta.67
          v2.0.8-beta.67 | {{major}}           | 2.0.8-beta.67
          v2.0.8-beta.67 | {{major}}.{{minor}} | 2.0.8-beta.67
          """)
  void semverPatterns(String gitTag, String pattern, String expected) {
    assertThat(
            tags("push", "refs/tags/" + gitTag, "type=semver,pattern=" + pattern, "latest=false"))
        .containsExactly(expected);
  }

  @org.junit.jupiter.api.Test
  void semverMatchTakesGroupOneOfTheTag() {
    assertThat(
            tags(
                "push",
                "refs/tags/p1/v1.2.3",
                "type=semver,pattern={{version}},match=v(\\d.\\d.\\d)$",
                "latest=false"))
        .containsExactly("1.2.3");
  }

  @ParameterizedTest(name = "{0} ~ {1} group {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          v1.2.3         | \\d.\\d.\\d      | 0 | 1.2.3
          v2.0.8-beta.67 | v(.*)            | 1 | 2.0.8-beta.67
          v2.0.8-beta.67 | v(\\d.\\d)       | 1 | 2.0
          20200110-RC2   | \\d+             | 0 | 20200110
          p1/v1.2.3      | p1/v(\\d.\\d.\\d) | 1 | 1.2.3
          """)
  void matchGroups(String gitTag, String pattern, String group, String expected) {
    assertThat(
            tags(
                "push",
                "refs/tags/" + gitTag,
                "type=match,pattern=" + pattern + ",group=" + group,
                "latest=false"))
        .containsExactly(expected);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          pull_request      | refs/pull/2/merge        | pr-2
          push              | refs/heads/master        | master
          push              | refs/heads/my/branch     | my-branch
          push              | refs/tags/v1.2.3         | v1.2.3
          push              | refs/tags/v2.0.8-beta.67 | v2.0.8-beta.67
          workflow_dispatch | refs/heads/master        | master
          """)
  void refRules(String event, String ref, String expected) {
    String rules = "type=ref,event=branch\ntype=ref,event=tag\ntype=ref,event=pr";
    assertThat(tags(event, ref, rules, "latest=false")).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          nightly                                      | nightly
          {{date 'YYYYMMDD'}}                          | 20200110
          {{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}   | 20200110-093000
          """)
  void schedulePatterns(String pattern, String expected) {
    assertThat(tags("schedule", "refs/heads/master", "type=schedule,pattern=" + pattern))
        .containsExactly(expected);
  }

  @ParameterizedTest(name = "{0} on {1} {2} -> [{3}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {{branch}}              | pull_request | refs/pull/2/merge    | ''
          {{branch}}              | push         | refs/heads/master    | master
          {{branch}}              | push         | refs/heads/my/branch | my-branch
          {{branch}}              | push         | refs/tags/v1.2.3     | ''
          {{tag}}                 | pull_request | refs/pull/2/merge    | ''
          {{tag}}                 | push         | refs/heads/master    | ''
          {{tag}}                 | push         | refs/tags/v1.2.3     | v1.2.3
          {{sha}}                 | push         | refs/heads/master    | 90dd603
          {{base_ref}}            | pull_request | refs/pull/2/merge    | master
          {{is_default_branch}}   | push         | refs/heads/master    | true
          {{is_default_branch}}   | push         | refs/heads/dev       | false
          {{is_default_branch}}   | push         | refs/tags/v1.2.3     | false
          {{is_default_branch}}   | schedule     | refs/heads/dev       | true
          {{is_not_default_branch}} | push       | refs/heads/dev       | true
          {{is_not_default_branch}} | push       | refs/heads/master    | false
          """)
  void globalExpressions(String expression, String event, String ref, String expected) {
    assertThat(tags(event, ref, "type=raw,value=" + expression)).isEqualTo(list(expected));
  }

  @ParameterizedTest(name = "edge on {0} with [{1}] -> [{2}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          refs/heads/master | type=edge            | edge
          refs/heads/dev    | type=edge            | ''
          refs/heads/dev    | type=edge,branch=dev | edge
          refs/tags/v1.2.3  | type=edge            | ''
          """)
  void edgeFollowsTheConfiguredBranch(String ref, String rule, String expected) {
    assertThat(tags("push", ref, rule)).isEqualTo(list(expected));
  }
}
