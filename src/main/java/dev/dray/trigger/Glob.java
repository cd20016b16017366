package dev.dray.trigger;

import java.util.regex.Pattern;

/**
 * A branch or tag glob as GitHub Actions filters write them: {@code *} matches within a path
 * segment, {@code **} across segments, {@code ?} one character; everything else literally.
 */
record Glob(String text, Pattern pattern) {

  static Glob of(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("a glob is empty");
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new Glob(text, Pattern.compile(regex.toString()));
  }

  boolean matches(String name) {
    return pattern.matcher(name).matches();
  }
}
