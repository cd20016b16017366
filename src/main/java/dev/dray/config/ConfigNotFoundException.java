package dev.dray.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** No config file where dray looked; lists every path it tried. */
public final class ConfigNotFoundException extends ConfigException {
  private static final long serialVersionUID = 1L;

  private final transient List<Path> tried;

  ConfigNotFoundException(List<Path> tried, String message, String hint) {
    super(
        tried.get(0),
        tried.stream().map(p -> new ConfigProblem("", p, 0, 0, "file not found")).toList(),
        message,
        hint);
    this.tried = List.copyOf(tried);
  }

  /** No config in {@code dir} under any of {@code tried}. */
  static ConfigNotFoundException inDirectory(Path dir, List<Path> tried) {
    return new ConfigNotFoundException(
        tried,
        "no "
            + tried.stream()
                .map(p -> p.getFileName().toString())
                .collect(Collectors.joining(" or "))
            + " in "
            + dir
            + " (tried "
            + tried.stream().map(Path::toString).collect(Collectors.joining(", "))
            + ")",
        "create dray.yml in "
            + dir
            + " (docs/examples/dray.yml is a commented example), or "
            + "pass the path of your config file");
  }

  /** The config file named explicitly does not exist. */
  static ConfigNotFoundException explicit(Path file) {
    return new ConfigNotFoundException(
        List.of(file),
        "config file not found: " + file,
        "check the path, or leave it out to use dray.yml in the current directory");
  }

  /** The paths that were tried, in order. */
  public List<Path> tried() {
    return tried;
  }
}
