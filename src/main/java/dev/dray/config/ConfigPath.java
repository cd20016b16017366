package dev.dray.config;

import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The path of a node in a config document, as keys and list indexes; shown as {@code
 * build.args.PYTHON_VERSION}, {@code tags[1]} or {@code labels."org.opencontainers.image.title"}.
 */
record ConfigPath(List<Object> segments) {
  static final ConfigPath ROOT = new ConfigPath(List.of());
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  ConfigPath {
    segments = List.copyOf(segments);
  }

  /** The path of a networknt instance location. */
  static ConfigPath of(NodePath nodePath) {
    List<Object> segments = new ArrayList<>();
    for (int i = 0; i < nodePath.getNameCount(); i++) {
      segments.add(nodePath.getElement(i));
    }
    return new ConfigPath(segments);
  }

  ConfigPath key(String key) {
    return append(key);
  }

  ConfigPath index(int index) {
    return append(index);
  }

  private ConfigPath append(Object segment) {
    List<Object> longer = new ArrayList<>(segments);
    longer.add(segment);
    return new ConfigPath(longer);
  }

  boolean isRoot() {
    return segments.isEmpty();
  }

  /** The path one level up; empty for the root. */
  Optional<ConfigPath> parent() {
    return isRoot()
        ? Optional.empty()
        : Optional.of(new ConfigPath(segments.subList(0, segments.size() - 1)));
  }

  /** Whether the last segment is a mapping key (rather than a list index). */
  boolean endsWithKey() {
    return !isRoot() && segments.get(segments.size() - 1) instanceof String;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        String key = segment.toString();
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(PLAIN_KEY.matcher(key).matches() ? key : '"' + key.replace("\"", "\\\"") + '"');
      }
    }
    return out.toString();
  }
}
