package dev.dray.image;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Shared test inputs: the commit and clock of docker/metadata-action's README examples. */
final class Builds {
  static final String SHA = "90dd6032fac8bda1b6c4436a2e65de27961ed071";
  static final Instant NOW = Instant.parse("2020-01-10T00:30:00Z");

  private Builds() {}

  static GitContext context(String event, String ref) {
    return new GitContext(
        event,
        ref,
        SHA,
        "master",
        java.util.Optional.empty(),
        "https://github.com/octocat/Hello-World",
        "Hello-World",
        "master");
  }

  /** The tags that {@code rules} (newline-separated) give for a build of {@code ref}. */
  static List<String> tags(String event, String ref, String rules, String... flavor) {
    return generate(context(event, ref), rules, flavor).tags();
  }

  static ImageMetadata generate(GitContext git, String rules, String... flavor) {
    return MetadataGenerator.parse(lines(rules), Arrays.asList(flavor), ProjectInfo.NONE, Map.of())
        .generate(List.of(), git, NOW);
  }

  static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  /** A comma-separated expectation, empty for none. */
  static List<String> list(String csv) {
    return csv.isEmpty() ? List.of() : List.of(csv.split(",\\s*"));
  }
}
