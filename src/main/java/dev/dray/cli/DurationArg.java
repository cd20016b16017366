package dev.dray.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations given on the command line: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}.
 */
final class DurationArg {
  private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h)");

  private DurationArg() {}

  static Duration parse(String option, String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new CliInputException(
          option + " expects a duration like 30s or 5m, got '" + text + "'",
          "e.g. " + option + " 5m");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
