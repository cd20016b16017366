package dev.dray.image;

/**
 * Where a tag rule takes its value from: one of docker/metadata-action's rule types, with the
 * attributes specific to that type.
 */
public sealed interface TagSource {

  /** The {@code type=} name. */
  String type();

  /** The priority used when the rule sets none (docker/metadata-action's defaults). */
  int defaultPriority();

  /** {@code type=schedule}: on schedule events, {@code pattern} (default {@code nightly}). */
  record Schedule(String pattern) implements TagSource {
    @Override
    public String type() {
      return "schedule";
    }

    @Override
    public int defaultPriority() {
      return 1000;
    }
  }

  /**
   * {@code type=semver}: on tag refs (or with {@code value}), the tag as a semantic version
   * rendered through {@code pattern}; {@code match} is an optional regex whose group 1 is taken.
   */
  record Semver(String pattern, String value, String match) implements TagSource {
    @Override
    public String type() {
      return "semver";
    }

    @Override
    public int defaultPriority() {
      return 900;
    }
  }

  /** {@code type=match}: on tag refs (or with {@code value}), a regex group of the tag. */
  record Match(String pattern, int group, String value) implements TagSource {
    @Override
    public String type() {
      return "match";
    }

    @Override
    public int defaultPriority() {
      return 800;
    }
  }

  /** {@code type=edge}: {@code edge} on pushes to {@code branch} (empty: the default branch). */
  record Edge(String branch) implements TagSource {
    @Override
    public String type() {
      return "edge";
    }

    @Override
    public int defaultPriority() {
      return 700;
    }
  }

  /** {@code type=ref}: the branch, tag or pull request number of the ref. */
  record Ref(RefEvent event) implements TagSource {
    @Override
    public String type() {
      return "ref";
    }

    @Override
    public int defaultPriority() {
      return 600;
    }
  }

  /** {@code type=raw}: a fixed value, which may contain expressions. */
  record Raw(String value) implements TagSource {
    @Override
    public String type() {
      return "raw";
    }

    @Override
    public int defaultPriority() {
      return 200;
    }
  }

  /** {@code type=sha}: the commit SHA, short (7 hex digits) or long. */
  record Sha(boolean longFormat) implements TagSource {
    @Override
    public String type() {
      return "sha";
    }

    @Override
    public int defaultPriority() {
      return 100;
    }
  }

  /** The ref kinds {@code type=ref} reacts to. */
  enum RefEvent {
    BRANCH,
    TAG,
    PR;

    /** The attribute value, such as {@code branch}. */
    public String attribute() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
