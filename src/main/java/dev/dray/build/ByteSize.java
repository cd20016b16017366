package dev.dray.build;

import java.util.Locale;

/** Formats byte counts the way people read them (1.4 GB, 312 MB). */
public final class ByteSize {
  private ByteSize() {}

  /** Formats {@code bytes} with decimal units. */
  public static String format(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
  }
}
