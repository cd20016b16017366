package dev.dray.cli;

import java.time.Duration;
import java.util.Locale;

/** Formats durations for people: {@code 0.4s}, {@code 12.3s}, {@code 3m05s}. */
final class Durations {
  private Durations() {}

  static String format(Duration d) {
    long millis = d.toMillis();
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    long seconds = d.toSeconds();
    return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}
