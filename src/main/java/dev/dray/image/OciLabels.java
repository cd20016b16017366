package dev.dray.image;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds an image's OCI annotation labels ({@code org.opencontainers.image.*}) and {@code
 * dray.service}, as docker/metadata-action does, sorted by key.
 *
 * <p>title (project title, else repository name), description, url (project URL, else repository
 * URL), source (repository URL), version (the first tag), created ({@code now} as RFC 3339 in UTC
 * with milliseconds, like {@code 2020-01-10T00:30:00.000Z}), revision (full SHA), licenses.
 * Defaults with an empty value are left out (metadata-action writes them empty). User labels
 * override defaults; their values may contain the global expressions of tag rules; an explicitly
 * empty user value is kept.
 */
final class OciLabels {
  static final String PREFIX = "org.opencontainers.image.";
  static final String SERVICE = "dray.service";
  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private OciLabels() {}

  static SortedMap<String, String> of(
      GitContext git,
      ProjectInfo project,
      String version,
      Instant now,
      Map<String, String> userLabels) {
    SortedMap<String, String> labels = new TreeMap<>();
    put(
        labels,
        PREFIX + "title",
        project.title().isEmpty() ? git.repositoryName() : project.title());
    put(labels, PREFIX + "description", project.description());
    put(labels, PREFIX + "url", project.url().isEmpty() ? git.repositoryUrl() : project.url());
    put(labels, PREFIX + "source", git.repositoryUrl());
    put(labels, PREFIX + "version", version);
    put(labels, PREFIX + "created", CREATED.format(now));
    put(labels, PREFIX + "revision", git.sha());
    put(labels, PREFIX + "licenses", project.licenses());
    put(labels, SERVICE, project.service());
    GlobalExpressions expressions = new GlobalExpressions(git, now);
    userLabels.forEach(
        (key, value) -> {
          if (key == null || key.isBlank() || key.contains("=")) {
            throw TagRuleException.invalidLabel(
                String.valueOf(key), String.valueOf(value), "a label needs a key without '='");
          }
          try {
            labels.put(key.strip(), expressions.render(value == null ? "" : value));
          } catch (TemplateException e) {
            throw TagRuleException.invalidLabel(key, value, e.getMessage());
          }
        });
    return labels;
  }

  private static void put(Map<String, String> labels, String key, String value) {
    if (!value.isEmpty()) {
      labels.put(key, value);
    }
  }
}
