package dev.dray.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and loads {@code dray.yml}: YAML read with every key's position, checked against {@code
 * dray.schema.json}, then checked for what a schema cannot see (image references, sizes, paths,
 * services that depend on each other), reading the Compose file it names.
 *
 * <p>{@code ${ENV}} references in dray.yml are not interpolated; in a Compose file they are.
 */
public final class ConfigLoader {
  /** The file names looked for in a directory, in order. */
  public static final List<String> FILE_NAMES = List.of("dray.yml", "dray.yaml");

  private ConfigLoader() {}

  /**
   * The config file to use: {@code explicit} when given (resolved against {@code dir}; a directory
   * is searched like {@code dir}), else {@code dray.yml} or {@code dray.yaml} in {@code dir}.
   *
   * @throws ConfigNotFoundException listing every path tried
   * @throws ConfigException when both {@code dray.yml} and {@code dray.yaml} exist
   */
  public static Path locate(Path dir, Optional<Path> explicit) {
    Path base = dir.toAbsolutePath().normalize();
    if (explicit.isPresent()) {
      Path file = base.resolve(explicit.get()).normalize();
      if (Files.isDirectory(file)) {
        return locate(file, Optional.empty());
      }
      if (!Files.exists(file)) {
        throw ConfigNotFoundException.explicit(file);
      }
      return file;
    }
    List<Path> candidates = FILE_NAMES.stream().map(base::resolve).toList();
    List<Path> found = candidates.stream().filter(Files::isRegularFile).toList();
    if (found.isEmpty()) {
      throw ConfigNotFoundException.inDirectory(base, candidates);
    }
    if (found.size() > 1) {
      throw new ConfigException(
          found.get(1),
          List.of(
              new ConfigProblem(
                  "",
                  found.get(1),
                  0,
                  0,
                  "both "
                      + String.join(" and ", FILE_NAMES)
                      + " exist in "
                      + base
                      + "; keep one")));
    }
    return found.get(0);
  }

  /**
   * Loads and checks the config at {@code file}; a Compose file it names is interpolated with this
   * process's environment.
   *
   * @throws ConfigNotFoundException when the file does not exist
   * @throws ConfigException with every problem found, each with its key path and line:column
   */
  public static DrayConfig load(Path file) {
    return load(file, System.getenv());
  }

  /**
   * Loads and checks the config at {@code file}; a Compose file it names is interpolated with
   * {@code env} (which wins over the {@code .env} file beside it).
   *
   * @throws ConfigNotFoundException when the file does not exist
   * @throws ConfigException with every problem found, each with its key path and line:column (in
   *     dray.yml, the Compose file or an env file)
   */
  public static DrayConfig load(Path file, Map<String, String> env) {
    Path absolute = file.toAbsolutePath().normalize();
    YamlTree tree = YamlTree.read(absolute, readText(absolute));
    Problems problems = new Problems(absolute);
    SchemaCheck.check(tree, problems);
    problems.throwIfAny();
    return DrayConfig.read(ConfigNode.root(tree, problems, absolute.getParent()), Map.copyOf(env));
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw ConfigNotFoundException.explicit(file);
    } catch (MalformedInputException e) {
      throw single(file, "not UTF-8 text; save the file as UTF-8");
    } catch (IOException e) {
      String reason = Files.isDirectory(file) ? "is a directory, not a YAML file" : e.toString();
      throw single(file, "cannot read: " + reason);
    }
  }

  private static ConfigException single(Path file, String message) {
    return new ConfigException(file, List.of(new ConfigProblem("", file, 0, 0, message)));
  }
}
