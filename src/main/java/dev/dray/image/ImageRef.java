package dev.dray.image;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed image reference: registry host, repository path, and an optional tag and digest.
 *
 * <p>Follows the Docker reference grammar: the first path component is a registry host when it
 * contains a dot or a colon or is {@code localhost}; otherwise the registry is Docker Hub and
 * single-component names get the {@code library/} prefix.
 */
public record ImageRef(
    String registry, String repository, Optional<String> tag, Optional<Digest> digest) {
  public static final String DOCKER_HUB = "docker.io";

  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern HOST =
      Pattern.compile("(?:[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

  public ImageRef {
    if (!HOST.matcher(registry).matches()) {
      throw new InvalidReferenceException(registry, "not a registry host");
    }
    for (String part : repository.split("/", -1)) {
      if (!COMPONENT.matcher(part).matches()) {
        throw new InvalidReferenceException(
            repository,
            "path component '" + part + "' must be lowercase letters, digits and . _ -");
      }
    }
    tag.ifPresent(
        t -> {
          if (!isValidTag(t)) {
            throw new InvalidReferenceException(
                t,
                "a tag is 1-128 characters of letters, digits, _ . - and cannot start with . or -");
          }
        });
  }

  /** Whether {@code tag} is a valid Docker tag. */
  public static boolean isValidTag(String tag) {
    return TAG.matcher(tag).matches();
  }

  /**
   * Parses a reference such as {@code 127.0.0.1:5000/acme/app:1.2}, {@code busybox} or {@code
   * repo@sha256:…}.
   */
  public static ImageRef parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidReferenceException(String.valueOf(text), "empty");
    }
    String rest = text.trim();
    Optional<Digest> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Optional.of(Digest.of(rest.substring(at + 1)));
      rest = rest.substring(0, at);
    }
    Optional<String> tag = Optional.empty();
    int lastColon = rest.lastIndexOf(':');
    if (lastColon > rest.lastIndexOf('/')) {
      tag = Optional.of(rest.substring(lastColon + 1));
      rest = rest.substring(0, lastColon);
    }
    String registry = DOCKER_HUB;
    String repository = rest;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        repository = rest.substring(slash + 1);
      }
    }
    if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
      repository = "library/" + repository;
    }
    if (repository.isEmpty()) {
      throw new InvalidReferenceException(text, "no repository name");
    }
    return new ImageRef(registry, repository, tag, digest);
  }

  /** The same repository with another tag and no digest. */
  public ImageRef withTag(String newTag) {
    return new ImageRef(registry, repository, Optional.of(newTag), Optional.empty());
  }

  /** The same repository pinned to a digest, without a tag. */
  public ImageRef withDigest(Digest newDigest) {
    return new ImageRef(registry, repository, Optional.empty(), Optional.of(newDigest));
  }

  /**
   * The repository without tag or digest, as users write it ({@code docker.io/library/} omitted).
   */
  public String name() {
    if (registry.equals(DOCKER_HUB)) {
      return repository.startsWith("library/") ? repository.substring(8) : repository;
    }
    return registry + "/" + repository;
  }

  /** The tag, or {@code latest} when none was given and there is no digest. */
  public String tagOrLatest() {
    return tag.orElse("latest");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name());
    tag.ifPresent(t -> sb.append(':').append(t));
    digest.ifPresent(d -> sb.append('@').append(d));
    return sb.toString();
  }
}
