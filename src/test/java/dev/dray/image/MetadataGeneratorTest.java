package dev.dray.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** References for several images, and OCI labels. */
class MetadataGeneratorTest {
  private static final String RULES = "type=semver,pattern={{version}}\ntype=sha";

  @Test
  void referencesEveryImageWithEveryTagImageByImage() {
    ImageMetadata m =
        MetadataGenerator.parse(Builds.lines(RULES), List.of(), ProjectInfo.NONE, Map.of())
            .generate(
                List.of("Org/App", "ghcr.io/user/app"),
                Builds.context("push", "refs/tags/v1.2.3"),
                Builds.NOW);
    assertThat(m.references())
        .containsExactly(
            "org/app:1.2.3",
            "org/app:sha-90dd603",
            "org/app:latest",
            "ghcr.io/user/app:1.2.3",
            "ghcr.io/user/app:sha-90dd603",
            "ghcr.io/user/app:latest");
    assertThat(m.tags()).containsExactly("1.2.3", "sha-90dd603", "latest");
  }

  @Test
  void imagesWithATagAreRejected() {
    MetadataGenerator generator = MetadataGenerator.defaults();
    GitContext git = Builds.context("push", "refs/heads/master");
    assertThatThrownBy(() -> generator.generate(List.of("acme/app:1.0"), git, Builds.NOW))
        .isInstanceOf(InvalidReferenceException.class)
        .hasMessageContaining("without a tag or digest");
    assertThatThrownBy(() -> generator.generate(List.of("acme/a b"), git, Builds.NOW))
        .isInstanceOf(InvalidReferenceException.class);
  }

  @Test
  void ociLabelsLikeTheReadmeBakeExample() {
    ProjectInfo project = new ProjectInfo("", "This your first repo!", "MIT", "", "web");
    ImageMetadata m =
        MetadataGenerator.parse(Builds.lines(RULES), List.of(), project, Map.of())
            .generate(List.of("name/app"), Builds.context("push", "refs/tags/v1.2.3"), Builds.NOW);
    assertThat(m.labels())
        .containsExactly(
            entry("dray.service", "web"),
            entry("org.opencontainers.image.created", "2020-01-10T00:30:00.000Z"),
            entry("org.opencontainers.image.description", "This your first repo!"),
            entry("org.opencontainers.image.licenses", "MIT"),
            entry("org.opencontainers.image.revision", Builds.SHA),
            entry("org.opencontainers.image.source", "https://github.com/octocat/Hello-World"),
            entry("org.opencontainers.image.title", "Hello-World"),
            entry("org.opencontainers.image.url", "https://github.com/octocat/Hello-World"),
            entry("org.opencontainers.image.version", "1.2.3"));
  }

  @Test
  void emptyDefaultsAreLeftOutAndProjectInfoWins() {
    GitContext bare = GitContext.of("push", "refs/heads/dev", Builds.SHA, "main");
    ProjectInfo project = new ProjectInfo("Shop", null, null, "https://shop.example", null);
    ImageMetadata m =
        new MetadataGenerator(List.of(), Flavor.DEFAULT, project, Map.of())
            .generate(List.of(), bare, Builds.NOW);
    assertThat(m.labels())
        .containsOnlyKeys(
            "org.opencontainers.image.created",
            "org.opencontainers.image.revision",
            "org.opencontainers.image.title",
            "org.opencontainers.image.url",
            "org.opencontainers.image.version")
        .containsEntry("org.opencontainers.image.title", "Shop")
        .containsEntry("org.opencontainers.image.url", "https://shop.example")
        .containsEntry("org.opencontainers.image.version", "dev-90dd603");
  }

  @Test
  void userLabelsOverrideAndMayUseExpressions() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("org.opencontainers.image.title", "MyCustomTitle");
    labels.put("org.opencontainers.image.vendor", "ACME");
    labels.put("build.ref", "{{branch}}@{{sha}}");
    labels.put("org.opencontainers.image.licenses", "");
    ImageMetadata m =
        MetadataGenerator.parse(List.of(), List.of(), ProjectInfo.NONE, labels)
            .generate(List.of(), Builds.context("push", "refs/heads/dev"), Builds.NOW);
    assertThat(m.labels())
        .containsEntry("org.opencontainers.image.title", "MyCustomTitle")
        .containsEntry("org.opencontainers.image.vendor", "ACME")
        .containsEntry("build.ref", "dev@90dd603")
        .containsEntry("org.opencontainers.image.licenses", "");
  }

  @Test
  void labelWithUnknownExpressionIsAnError() {
    MetadataGenerator generator =
        MetadataGenerator.parse(List.of(), List.of(), ProjectInfo.NONE, Map.of("x", "{{nope}}"));
    assertThatThrownBy(
            () ->
                generator.generate(List.of(), Builds.context("push", "refs/heads/dev"), Builds.NOW))
        .isInstanceOf(TagRuleException.class)
        .hasMessageContaining("label 'x={{nope}}'");
  }

  @Test
  void emptyRuleListMeansDraysDefaults() {
    assertThat(MetadataGenerator.defaults().rules())
        .extracting(TagRule::text)
        .containsExactlyElementsOf(TagRules.DEFAULT_LINES);
  }
}
