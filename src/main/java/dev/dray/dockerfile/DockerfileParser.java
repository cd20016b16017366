package dev.dray.dockerfile;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a Dockerfile into its stages and their dependencies, following BuildKit's parser: parser
 * directives, comments, line continuations, here-documents and multi-stage references.
 */
public final class DockerfileParser {
  private DockerfileParser() {}

  /**
   * Parses Dockerfile text.
   *
   * @param content the Dockerfile's text
   * @param fileName the name used in messages, such as {@code Dockerfile}
   * @throws DockerfileException naming the line at fault
   */
  public static Dockerfile parse(String content, String fileName) {
    InstructionReader.Result read = InstructionReader.read(fileName, content);
    return StageReader.read(fileName, read.directives(), read.instructions());
  }

  /**
   * Reads and parses the Dockerfile at {@code file}; messages name it by its file name.
   *
   * @throws DockerfileException when the file cannot be read or parsed
   */
  public static Dockerfile parse(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new DockerfileException(
          name,
          0,
          "file not found: " + file.toAbsolutePath(),
          "check build.context and build.dockerfile in dray.yml");
    } catch (MalformedInputException e) {
      throw new DockerfileException(
          name, 0, "not UTF-8 text: " + file.toAbsolutePath(), "save the Dockerfile as UTF-8");
    } catch (IOException e) {
      throw new DockerfileException(
          name,
          0,
          "cannot read " + file.toAbsolutePath() + ": " + e.getMessage(),
          "check that the file is readable");
    }
    return parse(content, name);
  }
}
