package dev.dray.config;

import dev.dray.DrayException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A config file that dray cannot use, with every problem found in it.
 *
 * <p>The message lists the problems one per line, each naming its key path and {@code
 * file:line:column}.
 */
public class ConfigException extends DrayException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final transient List<ConfigProblem> problems;

  /** The problems found in {@code file}; at least one. */
  public ConfigException(Path file, List<ConfigProblem> problems) {
    this(
        file,
        problems,
        problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")),
        "every key and its format is described in docs/configuration.md");
  }

  protected ConfigException(Path file, List<ConfigProblem> problems, String message, String hint) {
    super(message, hint);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  /** The config file the problems are in. */
  public Path file() {
    return file;
  }

  /** Every problem found, in file order. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
