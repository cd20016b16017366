package dev.dray.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Collects the problems found while loading one config file (and the files it names, such as a
 * Compose file or env files) and throws them together.
 */
final class Problems {
  private final Path file;
  private final List<ConfigProblem> found = new ArrayList<>();

  /** Problems of {@code file}, the config file being loaded. */
  Problems(Path file) {
    this.file = file;
  }

  /** The config file being loaded; problems are reported against it unless they name another. */
  Path file() {
    return file;
  }

  void add(ConfigPath path, Position at, String message) {
    add(file, path, at, message);
  }

  void add(Path in, ConfigPath path, Position at, String message) {
    found.add(new ConfigProblem(path.toString(), in, at.line(), at.column(), message));
  }

  void addAll(List<ConfigProblem> problems) {
    found.addAll(problems);
  }

  int size() {
    return found.size();
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /**
   * Throws a {@link ConfigException} with every problem, if there is any: the loaded file's first,
   * then each other file's in the order they were met, each file's in line order.
   */
  void throwIfAny() {
    if (found.isEmpty()) {
      return;
    }
    List<Path> files = new ArrayList<>();
    files.add(file);
    found.stream().map(ConfigProblem::file).filter(f -> !files.contains(f)).forEach(files::add);
    List<ConfigProblem> ordered =
        new ArrayList<>(new LinkedHashSet<>(found))
            .stream()
                .sorted(
                    Comparator.comparingInt((ConfigProblem p) -> files.indexOf(p.file()))
                        .thenComparingInt(p -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
                        .thenComparingInt(ConfigProblem::column))
                .toList();
    throw new ConfigException(file, ordered);
  }
}
