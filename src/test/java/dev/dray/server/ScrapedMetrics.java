package dev.dray.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /metrics} (Prometheus text), read as a monitoring system would. */
record ScrapedMetrics(String text) {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

  /**
   * The value of the sample {@code name} whose labels include {@code labels} (label=value pairs);
   * empty when there is none.
   */
  Optional<Double> value(String name, String... labels) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    for (String line : text.lines().toList()) {
      Matcher m = SAMPLE.matcher(line.strip());
      if (line.startsWith("#") || !m.matches() || !m.group(1).equals(name)) {
        continue;
      }
      Map<String, String> have = new LinkedHashMap<>();
      Matcher l = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
      while (l.find()) {
        have.put(l.group(1), l.group(2));
      }
      if (have.entrySet().containsAll(wanted.entrySet())) {
        return Optional.of(Double.parseDouble(m.group(3)));
      }
    }
    return Optional.empty();
  }
}
