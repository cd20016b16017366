package dev.dray.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The fields of a GitHub {@code push} webhook payload dray reads.
 *
 * @param ref the full ref pushed, such as {@code refs/heads/main}
 * @param after the commit the ref points at now (40 hex digits)
 * @param deleted whether the push deleted the ref
 * @param repository the repository's {@code owner/name}
 * @param defaultBranch the repository's default branch
 */
record PushEvent(
    String ref, String after, boolean deleted, String repository, String defaultBranch) {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
  static final String HEADS = "refs/heads/";
  static final String TAGS = "refs/tags/";

  /**
   * Reads a payload.
   *
   * @throws IllegalArgumentException naming the missing or malformed field
   */
  static PushEvent read(JsonNode payload) {
    if (payload == null || !payload.isObject()) {
      throw new IllegalArgumentException("the payload is not a JSON object");
    }
    String ref = text(payload, "ref");
    String after = text(payload, "after");
    if (!SHA.matcher(after).matches()) {
      throw new IllegalArgumentException("after is not a 40-digit commit SHA: " + after);
    }
    JsonNode repository = payload.path("repository");
    String fullName = text(repository, "full_name");
    String defaultBranch = repository.path("default_branch").asText("");
    return new PushEvent(
        ref,
        after,
        payload.path("deleted").asBoolean(false),
        fullName,
        defaultBranch.isEmpty() ? "main" : defaultBranch);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(
          "the payload has no " + (node.isMissingNode() ? "repository." : "") + field);
    }
    return value.asText();
  }

  boolean isBranch() {
    return ref.startsWith(HEADS);
  }

  boolean isTag() {
    return ref.startsWith(TAGS);
  }

  /** The branch or tag name, without {@code refs/heads/} or {@code refs/tags/}. */
  String name() {
    return isBranch()
        ? ref.substring(HEADS.length())
        : isTag() ? ref.substring(TAGS.length()) : ref;
  }
}
