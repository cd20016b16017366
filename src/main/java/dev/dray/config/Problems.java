package dev.dray.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Collects the problems found in one config file and throws them together. */
final class Problems {
  private final Path file;
  private final List<ConfigProblem> found = new ArrayList<>();

  Problems(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  void add(ConfigPath path, Position at, String message) {
    found.add(new ConfigProblem(path.toString(), file, at.line(), at.column(), message));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Throws a {@link ConfigException} with every problem, in file order, if there is any. */
  void throwIfAny() {
    if (found.isEmpty()) {
      return;
    }
    List<ConfigProblem> ordered =
        new ArrayList<>(new LinkedHashSet<>(found))
            .stream()
                .sorted(
                    Comparator.comparingInt(
                            (ConfigProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
                        .thenComparingInt(ConfigProblem::column))
                .toList();
    throw new ConfigException(file, ordered);
  }
}
