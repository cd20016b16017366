package dev.dray.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dray} command line: parses arguments and runs one subcommand. */
@Command(
    name = "dray",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Builds container images, ships them through a registry and rolls them out.",
    subcommands = {CommandLine.HelpCommand.class, TagsCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs dray with {@code args} and returns the exit code. */
  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }
}
