package dev.dray.trigger;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** HTTP request headers looked up regardless of case, as HTTP requires. */
final class Headers {
  private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  Headers(Map<String, String> headers) {
    headers.forEach(
        (name, value) -> {
          if (name != null && value != null) {
            values.put(name, value);
          }
        });
  }

  /** The header's value, trimmed; empty when absent or blank. */
  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** The media type of {@code Content-Type} in lower case, without parameters. */
  Optional<String> mediaType() {
    return get("Content-Type").map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
  }

  /** The token of {@code Authorization: Bearer <token>}. */
  Optional<String> bearer() {
    return get("Authorization")
        .filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(a -> a.substring(7).strip())
        .filter(t -> !t.isEmpty());
  }
}
