package dev.dray.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a config file, named by key path and position.
 *
 * <p>Renders as {@code build.cache (dray.yml:7:10): expected one of registry, inline, none, got
 * 'remote'}; without a key path as {@code dray.yml:3:5: ...}; without a position as {@code
 * build.dockerfile (dray.yml): ...}.
 *
 * @param path the key path such as {@code build.cache} or {@code tags[1]}; empty for the file
 *     itself
 * @param file the config file
 * @param line the 1-based line, or 0 when no position applies
 * @param column the 1-based column, or 0 when no position applies
 * @param message what is wrong, and what was expected
 */
public record ConfigProblem(String path, Path file, int line, int column, String message) {
  public ConfigProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** The problem as one line of text. */
  @Override
  public String toString() {
    Path name = file.getFileName();
    String where = (name == null ? file.toString() : name.toString());
    if (line > 0) {
      where += ":" + line + ":" + column;
    }
    return path.isEmpty() ? where + ": " + message : path + " (" + where + "): " + message;
  }
}
