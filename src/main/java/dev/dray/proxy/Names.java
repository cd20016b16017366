package dev.dray.proxy;

import java.util.regex.Pattern;

/**
 * The names HAProxy accepts for backends and servers, checked before they reach a config file or a
 * runtime command line (where a space or {@code ;} would split the command).
 */
final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private Names() {}

  /** Returns {@code name} when it is a valid HAProxy object name, else throws. */
  static String require(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " must be 1 to 64 characters of [A-Za-z0-9_.-], got: " + name);
    }
    return name;
  }

  /** {@code name} with every character outside {@code [A-Za-z0-9_.-]} replaced by {@code _}. */
  static String sanitize(String name) {
    return name.replaceAll("[^A-Za-z0-9_.-]", "_");
  }
}
