package dev.dray.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@link GitContext} from a GitHub Actions job's environment and event payload.
 *
 * <p>Uses {@code GITHUB_EVENT_NAME}, {@code GITHUB_REF}, {@code GITHUB_SHA}, {@code
 * GITHUB_SERVER_URL}/{@code GITHUB_REPOSITORY} and {@code GITHUB_BASE_REF}. From the payload at
 * {@code GITHUB_EVENT_PATH}: {@code repository.default_branch} (else env {@code
 * DRAY_DEFAULT_BRANCH}, else {@code main}), the commit timestamp, {@code base_ref}, and for {@code
 * pull_request_target} the pull request number (the ref becomes {@code refs/pull/N/merge}, as
 * docker/metadata-action does). With {@code DOCKER_METADATA_PR_HEAD_SHA=true} a pull request's head
 * SHA replaces the merge commit's.
 */
public final class GitHubActionsContext implements GitContextStrategy {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "GitHub Actions";
  }

  @Override
  public String requirement() {
    return "GITHUB_ACTIONS=true";
  }

  @Override
  public boolean appliesTo(Map<String, String> env, Path dir) {
    return "true".equals(env.get("GITHUB_ACTIONS"));
  }

  @Override
  public GitContext resolve(Map<String, String> env, Path dir) {
    List<String> missing = new ArrayList<>();
    for (String name : List.of("GITHUB_EVENT_NAME", "GITHUB_REF", "GITHUB_SHA")) {
      if (env.getOrDefault(name, "").isBlank()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new GitContextException(
          "missing " + String.join(", ", missing),
          "dray reads these variables that GitHub Actions sets for every job");
    }
    String event = env.get("GITHUB_EVENT_NAME");
    JsonNode payload = payload(env);
    String ref = env.get("GITHUB_REF");
    if (event.contains("pull_request_target") && payload.path("number").isNumber()) {
      ref = "refs/pull/" + payload.path("number").asText() + "/merge";
    }
    String sha = env.get("GITHUB_SHA");
    if ("true".equalsIgnoreCase(env.getOrDefault("DOCKER_METADATA_PR_HEAD_SHA", ""))
        && event.contains("pull_request")
        && payload.at("/pull_request/head/sha").isTextual()) {
      sha = payload.at("/pull_request/head/sha").asText();
    }
    String defaultBranch = text(payload.at("/repository/default_branch"));
    if (defaultBranch.isEmpty()) {
      defaultBranch = env.getOrDefault("DRAY_DEFAULT_BRANCH", "");
    }
    if (defaultBranch.isBlank()) {
      defaultBranch = "main";
    }
    String server = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com");
    String repository = env.getOrDefault("GITHUB_REPOSITORY", "");
    String url = repository.isEmpty() ? "" : stripSlash(server) + "/" + repository;
    String name = repository.substring(repository.indexOf('/') + 1);
    return new GitContext(
        event,
        ref,
        sha,
        defaultBranch,
        commitDate(payload, sha),
        url,
        name,
        baseRef(env, payload, ref));
  }

  private static JsonNode payload(Map<String, String> env) {
    String path = env.getOrDefault("GITHUB_EVENT_PATH", "");
    if (path.isBlank() || !Files.isRegularFile(Path.of(path))) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(Files.readString(Path.of(path)));
    } catch (IOException e) {
      throw new GitContextException(
          "cannot read the event payload " + path + ": " + e.getMessage(),
          "GITHUB_EVENT_PATH must name the JSON file GitHub Actions writes; unset it to skip");
    }
  }

  private static Optional<Instant> commitDate(JsonNode payload, String sha) {
    for (JsonNode commit : payload.path("commits")) {
      if (sha.equals(commit.path("id").asText())) {
        return instant(commit.path("timestamp").asText());
      }
    }
    JsonNode head = payload.path("head_commit");
    if (sha.equals(head.path("id").asText())) {
      return instant(head.path("timestamp").asText());
    }
    return Optional.empty();
  }

  private static String baseRef(Map<String, String> env, JsonNode payload, String ref) {
    if (ref.startsWith("refs/tags/") && payload.path("base_ref").isTextual()) {
      return payload.path("base_ref").asText().replaceFirst("^refs/heads/", "");
    }
    if (ref.startsWith("refs/pull/")) {
      String fromPayload = text(payload.at("/pull_request/base/ref"));
      return fromPayload.isEmpty() ? env.getOrDefault("GITHUB_BASE_REF", "") : fromPayload;
    }
    return "";
  }

  static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : "";
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
