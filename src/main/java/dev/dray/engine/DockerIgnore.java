package dev.dray.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rules of a {@code .dockerignore} file: which context paths stay out of the build context. The
 * last matching pattern wins, so a later {@code !pattern} re-includes what an earlier one excluded;
 * {@code #} starts a comment line.
 */
public final class DockerIgnore {
  private final List<IgnorePattern> patterns;

  private DockerIgnore(List<IgnorePattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /** No rules: everything is included. */
  public static DockerIgnore none() {
    return new DockerIgnore(List.of());
  }

  /** Parses the text of a {@code .dockerignore} file. */
  public static DockerIgnore parse(String text) {
    return new DockerIgnore(
        text.lines()
            .map(String::trim)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .filter(l -> !l.equals("!"))
            .map(IgnorePattern::parse)
            .toList());
  }

  /** Reads {@code .dockerignore} from a context directory, or no rules when it has none. */
  public static DockerIgnore read(Path contextDir) throws IOException {
    Path file = contextDir.resolve(".dockerignore");
    return Files.isRegularFile(file)
        ? parse(Files.readString(file, StandardCharsets.UTF_8))
        : none();
  }

  /** Whether {@code path} (relative to the context, slash-separated) is left out. */
  public boolean excludes(String path) {
    String clean = IgnorePattern.clean(path);
    boolean excluded = false;
    for (IgnorePattern pattern : patterns) {
      if (pattern.exception() == excluded && pattern.matches(clean)) {
        excluded = !pattern.exception();
      }
    }
    return excluded;
  }

  /**
   * Whether some exception pattern could re-include a path below an excluded directory, so the
   * directory must still be walked.
   */
  public boolean mayReincludeBelow(String directory) {
    String prefix = IgnorePattern.clean(directory) + "/";
    return patterns.stream()
        .filter(IgnorePattern::exception)
        .anyMatch(
            p ->
                p.text().startsWith(prefix)
                    || p.text().contains("*")
                    || p.text().contains("?")
                    || p.text().contains("["));
  }
}
