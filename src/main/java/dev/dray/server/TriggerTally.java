package dev.dray.server;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts auto-deploy triggers by source ({@code registry}, {@code poll}, {@code github}) and result
 * ({@code queued}, {@code superseded}, {@code ignored}, …) for {@code dray_triggers_total}.
 *
 * <p>Kept in memory: unlike the other figures, these counts start at zero when the server starts.
 * Plug-in point: the trigger package reports each trigger's fate through {@link #count}.
 */
public final class TriggerTally {
  /** A source and result pair. */
  public record Key(String source, String result) {}

  private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

  /** Counts one trigger from {@code source} that ended with {@code result}. */
  public void count(String source, String result) {
    counts.computeIfAbsent(new Key(source, result), k -> new LongAdder()).increment();
  }

  /** The counts so far, ordered by source and result. */
  public Map<Key, Long> counts() {
    Map<Key, Long> out =
        new TreeMap<>(Comparator.comparing(Key::source).thenComparing(Key::result));
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
