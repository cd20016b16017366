package dev.dray.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: where dray.yml is, and {@code --debug}. */
final class CommonOptions {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "The dray.yml to use (default: dray.yml or dray.yaml in the current directory).")
  Path config;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;
}
