package dev.dray.notify;

import dev.dray.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The query parameters of a notify URL, keys compared without case as shoutrrr does, values
 * percent-decoded ({@code +} stays a plus). A key the parser does not know is an error naming the
 * closest known key.
 */
final class QueryParams {
  private final Map<String, String> values;

  private QueryParams(Map<String, String> values) {
    this.values = values;
  }

  static QueryParams parse(String rawQuery) throws UrlProblem {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new QueryParams(values);
    }
    for (String piece : rawQuery.split("&")) {
      if (piece.isEmpty()) {
        continue;
      }
      int eq = piece.indexOf('=');
      String key =
          decode(eq < 0 ? piece : piece.substring(0, eq), "a query parameter name")
              .toLowerCase(Locale.ROOT);
      String value = decode(eq < 0 ? "" : piece.substring(eq + 1), "the value of '" + key + "'");
      if (values.put(key, value) != null) {
        throw new UrlProblem(
            key, "the query parameter '" + key + "' is given twice", "give each parameter once");
      }
    }
    return new QueryParams(values);
  }

  /**
   * Removes and returns the value of {@code name} or one of its aliases.
   *
   * @throws UrlProblem when more than one of them is given
   */
  Optional<String> take(String name, String... aliases) throws UrlProblem {
    List<String> names = new ArrayList<>(List.of(aliases));
    names.addFirst(name);
    String found = null;
    String value = null;
    for (String n : names) {
      if (values.containsKey(n)) {
        if (found != null) {
          throw new UrlProblem(
              name,
              "'" + found + "' and '" + n + "' are the same parameter; give only one",
              "keep '" + name + "'");
        }
        found = n;
        value = values.remove(n);
      }
    }
    return Optional.ofNullable(value);
  }

  /**
   * @throws UrlProblem naming the first parameter that is not in {@code known}, and the known one
   *     it is closest to
   */
  void requireKnown(Collection<String> known, String hint) throws UrlProblem {
    String key = values.keySet().stream().filter(k -> !known.contains(k)).findFirst().orElse(null);
    if (key == null) {
      return;
    }
    String problem = "unknown query parameter '" + key + "'";
    Optional<String> closest = Suggestions.closest(key, known);
    if (closest.isPresent()) {
      problem += " (did you mean '" + closest.get() + "'?)";
    } else if (!known.isEmpty()) {
      problem += " (known: " + String.join(", ", known) + ")";
    }
    throw new UrlProblem(key, problem, hint);
  }

  private static String decode(String raw, String what) throws UrlProblem {
    try {
      return PercentCoding.decode(raw);
    } catch (IllegalArgumentException e) {
      throw new UrlProblem(
          "query", what + " is badly %-encoded: " + e.getMessage(), "write a literal % as %25");
    }
  }
}
