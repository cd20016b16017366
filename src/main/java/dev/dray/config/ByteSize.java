package dev.dray.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sizes such as {@code 2GB}, {@code 1.5 GiB} or {@code 500MiB}: decimal units (KB, MB, GB)
 * are powers of 1000, binary units (KiB, MiB, GiB) powers of 1024.
 */
final class ByteSize {
  static final String UNITS = "B, KB, MB, GB, KiB, MiB, GiB";

  private static final Pattern SIZE =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([kmg]i?b|b)", Pattern.CASE_INSENSITIVE);
  private static final Map<String, Long> FACTORS =
      Map.of(
          "b", 1L,
          "kb", 1_000L,
          "mb", 1_000_000L,
          "gb", 1_000_000_000L,
          "kib", 1L << 10,
          "mib", 1L << 20,
          "gib", 1L << 30);

  private ByteSize() {}

  /** The number of bytes, or empty when {@code text} is not a positive size with a unit. */
  static OptionalLong parse(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    BigDecimal bytes =
        new BigDecimal(m.group(1))
            .multiply(BigDecimal.valueOf(FACTORS.get(m.group(2).toLowerCase(Locale.ROOT))));
    if (bytes.signum() <= 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(bytes.longValue());
  }
}
