package dev.dray.image;

import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a {@code type=match} pattern: either a plain regular expression or JavaScript's {@code
 * /regex/flags} form with flags {@code i}, {@code m} and {@code s}.
 */
final class MatchPattern {
  private static final Pattern SLASHED = Pattern.compile("^/(.+)/(.*)$", Pattern.DOTALL);

  private MatchPattern() {}

  static Pattern compile(String pattern, Function<String, RuntimeException> error) {
    var slashed = SLASHED.matcher(pattern);
    String regex = pattern;
    int flags = 0;
    if (slashed.matches()) {
      regex = slashed.group(1);
      for (char f : slashed.group(2).toCharArray()) {
        flags |=
            switch (f) {
              case 'i' -> Pattern.CASE_INSENSITIVE;
              case 'm' -> Pattern.MULTILINE;
              case 's' -> Pattern.DOTALL;
              default -> throw error.apply("regular expression flag '" + f + "' is not supported");
            };
      }
    }
    try {
      return Pattern.compile(regex, flags);
    } catch (PatternSyntaxException e) {
      throw error.apply(
          "pattern '" + pattern + "' is not a regular expression: " + e.getDescription());
    }
  }
}
