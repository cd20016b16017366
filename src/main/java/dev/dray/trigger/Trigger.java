package dev.dray.trigger;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.dray.image.Digest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A reason to roll an app out: a new image in the registry, a Git push, or a request through the
 * API. Every trigger names the app and the version to deploy.
 */
public sealed interface Trigger {
  /** The app to roll out. */
  String app();

  /** The version (image tag) to roll out. */
  String version();

  /** When the trigger arrived. */
  Instant at();

  /** Where it came from: {@code registry}, {@code poll}, {@code github} or {@code api}. */
  String source();

  /**
   * What exactly {@link #version()} stands for, when known: the image digest or the commit. Two
   * automatic triggers with the same version and revision ask for the same rollout.
   */
  default Optional<String> revision() {
    return Optional.empty();
  }

  /** One line for humans and events, such as {@code registry 1.4.2 (sha256:1a2b3c4d5e6f)}. */
  default String describe() {
    return source() + " " + version() + revision().map(r -> " (" + abbreviate(r) + ")").orElse("");
  }

  private static String abbreviate(String revision) {
    int colon = revision.indexOf(':');
    int end = Math.min(revision.length(), colon + 1 + 12);
    return revision.substring(0, end);
  }

  /**
   * A tag was pushed to the registry ({@code source} {@code registry}: a notification) or its
   * digest changed ({@code poll}: the registry watcher saw it).
   */
  record ImagePushed(String app, String version, Digest digest, String source, Instant at)
      implements Trigger {
    public ImagePushed {
      requireText(app, "app");
      requireText(version, "version");
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(at, "at");
      if (!source.equals("registry") && !source.equals("poll")) {
        throw new IllegalArgumentException("source must be registry or poll, got " + source);
      }
    }

    @Override
    public Optional<String> revision() {
      return Optional.of(digest.toString());
    }
  }

  /**
   * A Git push reported by a GitHub webhook: to a followed branch (build the commit, then deploy
   * it) or of a followed tag (deploy the image CI built for it).
   *
   * @param ref the full ref, such as {@code refs/heads/main} or {@code refs/tags/v1.4.2}
   * @param sha the commit (40 hex digits)
   */
  record GitPushed(String app, String version, String ref, String sha, Kind kind, Instant at)
      implements Trigger {
    public GitPushed {
      requireText(app, "app");
      requireText(version, "version");
      requireText(ref, "ref");
      requireText(sha, "sha");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String source() {
      return "github";
    }

    @Override
    public Optional<String> revision() {
      return Optional.of(sha);
    }

    @Override
    public String describe() {
      return "github " + kind.label() + " " + version + " (" + ref + " " + shortSha() + ")";
    }

    /** The first 7 hex digits of the commit. */
    public String shortSha() {
      return sha.substring(0, Math.min(7, sha.length()));
    }

    /** What a push asks for. */
    public enum Kind {
      /** A branch push: build the commit's image, then deploy it. */
      BUILD_AND_DEPLOY("build+deploy"),
      /** A tag push: deploy the image already built for the tag. */
      DEPLOY("deploy");

      private final String label;

      Kind(String label) {
        this.label = label;
      }

      /** {@code build+deploy} or {@code deploy}. */
      @JsonValue
      public String label() {
        return label;
      }
    }
  }

  /** Someone asked through the API to deploy a version. */
  record ManualDeploy(String app, String version, String who, Instant at) implements Trigger {
    public ManualDeploy {
      requireText(app, "app");
      requireText(version, "version");
      requireText(who, "who");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String source() {
      return "api";
    }
  }

  /**
   * Someone asked through the API to roll back: to {@code target}, or to the previous rollout when
   * empty.
   */
  record ManualRollback(String app, Optional<String> target, String who, Instant at)
      implements Trigger {
    public ManualRollback {
      requireText(app, "app");
      Objects.requireNonNull(target, "target");
      requireText(who, "who");
      Objects.requireNonNull(at, "at");
    }

    /** The target version, or {@code previous}. */
    @Override
    public String version() {
      return target.orElse("previous");
    }

    @Override
    public String source() {
      return "api";
    }

    @Override
    public String describe() {
      return "api rollback to " + version();
    }
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
  }
}
