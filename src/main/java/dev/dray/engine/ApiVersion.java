package dev.dray.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Docker Engine API version such as {@code 1.41}, ordered numerically. */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
  /** The oldest API dray uses: BuildKit builds and {@code /build/prune?all} arrived in 1.39. */
  public static final ApiVersion MINIMUM = new ApiVersion(1, 39);

  /**
   * The newest API whose requests and answers dray's requests have been checked against (Docker
   * 29); the endpoints dray uses did not change between 1.39 and this one.
   */
  public static final ApiVersion NEWEST_KNOWN = new ApiVersion(1, 52);

  private static final Pattern FORMAT = Pattern.compile("(\\d+)\\.(\\d+)");

  public ApiVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("negative API version " + major + "." + minor);
    }
  }

  /** Parses {@code 1.41}. */
  public static ApiVersion parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not an API version: '" + text + "'");
    }
    return new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /**
   * The version to speak with a server accepting {@code serverMin..serverMax}: the server's newest,
   * capped at {@link #NEWEST_KNOWN}.
   *
   * @throws EngineVersionException when that falls outside what the server or dray accept
   */
  public static ApiVersion negotiate(ApiVersion serverMin, ApiVersion serverMax) {
    ApiVersion chosen = serverMax.compareTo(NEWEST_KNOWN) > 0 ? NEWEST_KNOWN : serverMax;
    if (chosen.compareTo(MINIMUM) < 0 || chosen.compareTo(serverMin) < 0) {
      throw new EngineVersionException(serverMin, serverMax);
    }
    return chosen;
  }

  @Override
  public int compareTo(ApiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
