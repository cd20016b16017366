package dev.dray.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * One {@code .dockerignore} line compiled to a regular expression: {@code *} and {@code ?} stay
 * within a path segment, {@code **} spans any number of segments, a leading {@code !} makes it an
 * exception that re-includes matching paths.
 */
record IgnorePattern(String text, boolean exception, Pattern regex) {

  /** Parses a non-blank, non-comment line. */
  static IgnorePattern parse(String line) {
    String text = line.trim();
    boolean exception = text.startsWith("!");
    if (exception) {
      text = text.substring(1).trim();
    }
    text = clean(text);
    return new IgnorePattern(text, exception, Pattern.compile(toRegex(text)));
  }

  /**
   * Whether this pattern matches {@code path} (slash-separated, relative to the context) or one of
   * its parent directories.
   */
  boolean matches(String path) {
    if (regex.matcher(path).matches()) {
      return true;
    }
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      if (regex.matcher(path.substring(0, slash)).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Like Go's filepath.Clean on a relative slash path, without a leading slash. */
  static String clean(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
        continue;
      }
      parts.addLast(part);
    }
    return parts.isEmpty() ? "." : String.join("/", parts);
  }

  private static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    int n = glob.length();
    for (int i = 0; i < n; i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < n && glob.charAt(i + 1) == '*') {
            i++;
            if (i + 1 < n && glob.charAt(i + 1) == '/') {
              i++;
            }
            re.append(i + 1 >= n ? ".*" : "(?:.*/)?");
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> {
          int close = glob.indexOf(']', i + 2);
          if (close < 0) {
            re.append("\\[");
          } else {
            String body = glob.substring(i + 1, close);
            if (body.startsWith("!") || body.startsWith("^")) {
              body = "^" + body.substring(1);
            }
            re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
            i = close;
          }
        }
        case '\\' -> {
          if (i + 1 < n) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
