package dev.dray.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dray} command line: parses arguments and runs one subcommand. */
@Command(
    name = "dray",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Builds container images, ships them through a registry and rolls them out.",
    subcommands = {
      BuildCommand.class,
      BuildsCommand.class,
      TagsCommand.class,
      DoctorCommand.class,
      DeployCommand.class,
      RollbackCommand.class,
      ReleasesCommand.class,
      StatusCommand.class,
      LogsCommand.class,
      PruneCommand.class,
      LockCommand.class,
      AuditCommand.class,
      RecoverCommand.class,
      ProxyCommand.class,
      ServerCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs dray with {@code args} on the process's streams and returns the exit code. */
  public static int run(String... args) {
    return commandLine(
            new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv())
        .execute(args);
  }

  /** A configured command line writing to {@code out} and {@code err}; tests use it directly. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
    CommandLine cl = new CommandLine(new Main(), new CommandFactory(env));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorReporter());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
