package dev.dray.cli;

import dev.dray.config.DrayConfig;
import dev.dray.deploy.ContainerNames;
import dev.dray.engine.ContainerSummary;
import dev.dray.engine.DockerEngine;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dray logs SERVICE}: recent log lines of a service's running container. */
@Command(name = "logs", description = "Recent log lines of a service's running container.")
final class LogsCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "SERVICE", description = "The service.")
  String service;

  @Option(
      names = {"-n", "--tail"},
      defaultValue = "100",
      description = "How many lines (default ${DEFAULT-VALUE}).")
  int tail;

  LogsCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    DrayConfig config = AppCommand.config(common, env);
    PrintWriter out = spec.commandLine().getOut();
    try (DockerEngine engine = Wiring.engine(env)) {
      List<ContainerSummary> running =
          engine.listContainers(
              Map.of(ContainerNames.APP, config.service(), ContainerNames.SERVICE, service), false);
      if (running.isEmpty()) {
        throw new CliInputException(
            "no running container of service " + service + " in " + config.service(),
            "see what runs with 'dray status'");
      }
      for (ContainerSummary c : running) {
        if (running.size() > 1) {
          out.println("== " + c.name());
        }
        engine.containerLogs(c.id(), tail).forEach(out::println);
      }
      return 0;
    }
  }
}
