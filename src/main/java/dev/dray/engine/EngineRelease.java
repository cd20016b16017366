package dev.dray.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares Docker Engine release strings such as {@code 20.10.24+dfsg1} or {@code 29.0.1}. */
final class EngineRelease {
  private static final Pattern LEADING = Pattern.compile("(\\d+)\\.(\\d+).*");

  private EngineRelease() {}

  /** Whether {@code release} is at least {@code major.minor}; false when it cannot be read. */
  static boolean atLeast(String release, int major, int minor) {
    Matcher m = LEADING.matcher(release == null ? "" : release.trim());
    if (!m.matches()) {
      return false;
    }
    int ma = Integer.parseInt(m.group(1));
    int mi = Integer.parseInt(m.group(2));
    return ma > major || (ma == major && mi >= minor);
  }
}
