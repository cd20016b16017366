package dev.dray.config;

import dev.dray.image.ImageRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Compose file as dray's services, on its own (dray.yml's {@code compose} key reads one
 * through {@link ConfigLoader}): {@code ${VAR}} interpolation from the given environment and the
 * {@code .env} file beside it, then the same checks as dray.yml's {@code services}. Every problem
 * names the file, key path and line:column.
 */
public final class ComposeLoader {
  private ComposeLoader() {}

  /**
   * Loads the Compose file at {@code file}.
   *
   * @param env variables for interpolation; they win over the {@code .env} file's
   * @param defaultImage the image repository of services without {@code image}
   * @param proxy gives the first web service without a published port its public port
   * @throws ConfigException with every problem found
   */
  public static ComposeFile load(
      Path file, Map<String, String> env, ImageRef defaultImage, ProxyConfig proxy) {
    Path absolute = file.toAbsolutePath().normalize();
    Problems problems = new Problems(absolute);
    if (!Files.isRegularFile(absolute)) {
      problems.add(
          ConfigPath.ROOT,
          Position.NONE,
          (Files.exists(absolute) ? "not a file: " : "file not found: ") + absolute);
      problems.throwIfAny();
    }
    Optional<ComposeReader.Read> read =
        ComposeReader.read(
            absolute,
            Map.copyOf(env),
            Optional.of(ImageRepository.withoutVersion(defaultImage)),
            problems);
    problems.throwIfAny();
    List<ServiceConfig> services =
        ServiceChecks.check(read.orElseThrow().entries(), read.orElseThrow().names(), proxy);
    problems.throwIfAny();
    return read.orElseThrow().toFile(services, read.orElseThrow().migrate());
  }
}
