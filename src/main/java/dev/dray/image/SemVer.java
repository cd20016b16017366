package dev.dray.image;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0) parsed the way docker/metadata-action's {@code type=semver}
 * does (node-semver, strict): an optional leading {@code v}, {@code MAJOR.MINOR.PATCH}, an optional
 * {@code -pre.release} and an optional {@code +build}.
 *
 * @param raw the text as given, such as {@code v1.2.3}
 * @param prerelease empty for a release
 * @param build empty when absent; never part of {@link #version()}
 */
public record SemVer(
    String raw, long major, long minor, long patch, String prerelease, String build) {
  private static final String NUM = "0|[1-9]\\d*";
  private static final String PRE_ID = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][a-zA-Z0-9-]*)";
  private static final Pattern FULL =
      Pattern.compile(
          "v?("
              + NUM
              + ")\\.("
              + NUM
              + ")\\.("
              + NUM
              + ")(?:-("
              + PRE_ID
              + "(?:\\."
              + PRE_ID
              + ")*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
  private static final int MAX_LENGTH = 256;

  /** Parses {@code text}, or returns empty when it is not a valid semantic version. */
  public static Optional<SemVer> parse(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Matcher m = FULL.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long[] numbers = new long[3];
    for (int i = 0; i < 3; i++) {
      String digits = m.group(i + 1);
      if (digits.length() > 16 || Long.parseLong(digits) > MAX_SAFE_INTEGER) {
        return Optional.empty();
      }
      numbers[i] = Long.parseLong(digits);
    }
    return Optional.of(
        new SemVer(
            text,
            numbers[0],
            numbers[1],
            numbers[2],
            m.group(4) == null ? "" : m.group(4),
            m.group(5) == null ? "" : m.group(5)));
  }

  /** Whether this is a pre-release such as {@code 2.0.0-rc.1}. */
  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  /** {@code MAJOR.MINOR.PATCH} with the pre-release, without build metadata. */
  public String version() {
    return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + prerelease);
  }

  /** The value of a semver pattern expression: raw, version, major, minor, patch. */
  Optional<String> expression(String name) {
    return switch (name) {
      case "raw" -> Optional.of(raw);
      case "version" -> Optional.of(version());
      case "major" -> Optional.of(Long.toString(major));
      case "minor" -> Optional.of(Long.toString(minor));
      case "patch" -> Optional.of(Long.toString(patch));
      default -> Optional.empty();
    };
  }
}
