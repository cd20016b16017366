package dev.dray.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An Engine API query string being built; keys may repeat (such as {@code t} for tags). */
final class Query {
  private final List<String> pairs = new ArrayList<>();

  static Query of() {
    return new Query();
  }

  Query add(String key, String value) {
    pairs.add(encode(key) + "=" + encode(value));
    return this;
  }

  Query addIf(boolean condition, String key, String value) {
    return condition ? add(key, value) : this;
  }

  @Override
  public String toString() {
    return pairs.isEmpty() ? "" : pairs.stream().collect(Collectors.joining("&", "?", ""));
  }

  /** Encodes an image name or ID for use as a path segment, keeping {@code / : @} readable. */
  static String pathPart(String nameOrId) {
    StringBuilder sb = new StringBuilder();
    for (char c : nameOrId.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128 || "-._~/:@".indexOf(c) >= 0) {
        sb.append(c);
      } else {
        sb.append(encode(String.valueOf(c)));
      }
    }
    return sb.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
