package dev.dray.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies docs/examples into a test directory, with the Dockerfiles the examples' builds need. */
final class ExampleFiles {
  static final Path DIR = Path.of("docs/examples");

  private ExampleFiles() {}

  /** Copies every example file into {@code target}; returns {@code target}. */
  static Path copyTo(Path target) throws IOException {
    try (Stream<Path> files = Files.walk(DIR)) {
      files.forEach(
          source -> {
            Path copy = target.resolve(DIR.relativize(source).toString());
            try {
              if (Files.isDirectory(source)) {
                Files.createDirectories(copy);
              } else {
                Files.copy(source, copy);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    Files.writeString(target.resolve("Dockerfile"), "FROM busybox AS runtime\n");
    Files.writeString(target.resolve("compose/Dockerfile"), "FROM busybox\n");
    return target;
  }
}
