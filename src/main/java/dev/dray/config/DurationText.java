package dev.dray.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations written as Go and Compose write them: numbers with units, such as {@code 500ms},
 * {@code 2s}, {@code 1m30s} or {@code 1.5h}; units {@code h}, {@code m}, {@code s}, {@code ms},
 * {@code us}, {@code ns}. A bare {@code 0} is zero.
 */
final class DurationText {
  /** What a duration looks like, for messages. */
  static final String EXPECTED = "a duration like 500ms, 2s or 1m30s";

  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|us|µs|ns|h|m|s)");
  private static final Map<String, Long> NANOS =
      Map.of(
          "h", 3_600_000_000_000L,
          "m", 60_000_000_000L,
          "s", 1_000_000_000L,
          "ms", 1_000_000L,
          "us", 1_000L,
          "µs", 1_000L,
          "ns", 1L);

  private DurationText() {}

  /** The duration, or empty when {@code text} is not one. */
  static Optional<Duration> parse(String text) {
    String s = text.strip();
    if (s.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = PART.matcher(s);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (at < s.length()) {
      if (!m.find(at) || m.start() != at) {
        return Optional.empty();
      }
      nanos =
          nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
      at = m.end();
    }
    if (s.isEmpty() || nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(nanos.longValue()));
  }
}
