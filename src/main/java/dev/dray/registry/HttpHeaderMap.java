package dev.dray.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Immutable HTTP headers with case-insensitive names. */
public record HttpHeaderMap(Map<String, List<String>> map) {
  public static final HttpHeaderMap EMPTY = new HttpHeaderMap(Map.of());

  public HttpHeaderMap {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    map.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    map = Collections.unmodifiableMap(copy);
  }

  /** The first value of {@code name}. */
  public Optional<String> first(String name) {
    List<String> values = map.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public List<String> all(String name) {
    return map.getOrDefault(name, List.of());
  }

  /** These headers with {@code name} set to the single {@code value}. */
  public HttpHeaderMap with(String name, String value) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(map);
    copy.put(name, List.of(value));
    return new HttpHeaderMap(copy);
  }

  /** These headers without {@code name}. */
  public HttpHeaderMap without(String name) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(map);
    copy.remove(name);
    return new HttpHeaderMap(copy);
  }

  /** Names and values for logging, with {@code Authorization} redacted. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    map.forEach(
        (name, values) ->
            parts.add(name + "=" + (name.equalsIgnoreCase("Authorization") ? "******" : values)));
    return "{" + String.join(", ", parts) + "}";
  }
}
