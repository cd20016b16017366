package dev.dray.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Computes an image's tags, references and labels from tag rules, a flavor and the Git context,
 * following docker/metadata-action v5.
 *
 * <p>With no rules, dray's defaults apply ({@link TagRules#DEFAULT_LINES}). See {@link
 * TagGenerator} for ordering, {@code latest} and sanitising, and {@link OciLabels} for the labels.
 */
public final class MetadataGenerator {
  private final List<TagRule> rules;
  private final Flavor flavor;
  private final ProjectInfo project;
  private final Map<String, String> labels;

  /**
   * @param rules the tag rules; empty means dray's default rules
   * @param labels user labels that override the generated ones
   */
  public MetadataGenerator(
      List<TagRule> rules, Flavor flavor, ProjectInfo project, Map<String, String> labels) {
    this.rules = rules.isEmpty() ? TagRules.defaults() : List.copyOf(rules);
    this.flavor = Objects.requireNonNull(flavor, "flavor");
    this.project = Objects.requireNonNull(project, "project");
    this.labels = new LinkedHashMap<>(labels);
  }

  /** dray's default rules, the default flavor, no project info and no user labels. */
  public static MetadataGenerator defaults() {
    return new MetadataGenerator(List.of(), Flavor.DEFAULT, ProjectInfo.NONE, Map.of());
  }

  /**
   * Parses rule and flavor lines.
   *
   * @throws TagRuleException for the first invalid rule or flavor line
   */
  public static MetadataGenerator parse(
      List<String> ruleLines,
      List<String> flavorLines,
      ProjectInfo project,
      Map<String, String> labels) {
    return new MetadataGenerator(
        TagRules.parse(ruleLines), Flavor.parse(flavorLines), project, labels);
  }

  /** The rules in effect (the defaults when none were given). */
  public List<TagRule> rules() {
    return rules;
  }

  /**
   * Computes the metadata for a build.
   *
   * @param images image names without tag, such as {@code ghcr.io/acme/app}; lowercased; may be
   *     empty, then {@code references} is empty too
   * @param now the build time, for {@code created} and {@code {{date}}}
   * @throws TagRuleException when a rule is invalid for this context or produces an invalid tag
   * @throws InvalidReferenceException when an image name is not valid or carries a tag or digest
   */
  public ImageMetadata generate(List<String> images, GitContext git, Instant now) {
    List<String> names = images.stream().map(MetadataGenerator::imageName).toList();
    TagGenerator.Result result = new TagGenerator(flavor, git, now).generate(rules);
    List<String> references = new ArrayList<>();
    for (String name : names) {
      for (String tag : result.tags()) {
        references.add(name + ":" + tag);
      }
    }
    return new ImageMetadata(
        result.version(),
        result.tags(),
        references,
        OciLabels.of(git, project, result.version(), now, labels));
  }

  private static String imageName(String image) {
    String name = image.strip().toLowerCase(Locale.ROOT);
    ImageRef ref = ImageRef.parse(name);
    if (ref.tag().isPresent() || ref.digest().isPresent()) {
      throw new InvalidReferenceException(
          image, "give the image name without a tag or digest; tags come from the tag rules");
    }
    return name;
  }
}
