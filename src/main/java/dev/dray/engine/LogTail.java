package dev.dray.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the last lines each vertex wrote, joining chunks that split a line, so a failed build can
 * show what its step printed last.
 */
final class LogTail {
  static final int DEFAULT_LINES = 20;

  private final int limit;
  private final Map<String, Deque<String>> lines = new HashMap<>();
  private final Map<String, StringBuilder> partial = new HashMap<>();

  LogTail(int limit) {
    this.limit = limit;
  }

  void append(String vertex, String text) {
    StringBuilder current = partial.computeIfAbsent(vertex, v -> new StringBuilder());
    Deque<String> kept = lines.computeIfAbsent(vertex, v -> new ArrayDeque<>());
    for (char c : text.toCharArray()) {
      if (c == '\n') {
        add(kept, current.toString());
        current.setLength(0);
      } else if (c != '\r') {
        current.append(c);
      }
    }
  }

  /** The last lines of a vertex, including an unterminated final line. */
  List<String> of(String vertex) {
    List<String> result = new ArrayList<>(lines.getOrDefault(vertex, new ArrayDeque<>()));
    StringBuilder current = partial.get(vertex);
    if (current != null && !current.isEmpty()) {
      result.add(current.toString());
    }
    return List.copyOf(result.subList(Math.max(0, result.size() - limit), result.size()));
  }

  private void add(Deque<String> kept, String line) {
    kept.addLast(line);
    while (kept.size() > limit) {
      kept.removeFirst();
    }
  }
}
