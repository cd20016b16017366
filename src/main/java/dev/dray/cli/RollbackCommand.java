package dev.dray.cli;

import dev.dray.config.DrayConfig;
import dev.dray.deploy.DeployResult;
import dev.dray.engine.DockerEngine;
import dev.dray.store.Store;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dray rollback [VERSION]}: back to a kept version in seconds, without pulling. */
@Command(
    name = "rollback",
    description = "Return to a kept version (default: the previous one), without pulling.")
final class RollbackCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin LockOptions lock;

  @Parameters(arity = "0..1", paramLabel = "VERSION", description = "The version to return to.")
  String version;

  @Option(names = "--plan", description = "Print the plan and stop.")
  boolean planOnly;

  @Option(names = "--profile", description = "Enable a Compose profile; repeatable.")
  List<String> profiles = List.of();

  RollbackCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    DrayConfig config = AppCommand.config(common, env);
    Terminal term = Terminal.detect(env);
    try (DockerEngine engine = Wiring.engine(env);
        Store store = Stores.open(env)) {
      DeployResult result =
          DeployWiring.deployer(
                  env, config, engine, store, new DeployProgress(spec.commandLine().getOut(), term))
              .rollback(
                  config,
                  Optional.ofNullable(version),
                  lock.message,
                  lock.lockWait(),
                  new HashSet<>(profiles),
                  planOnly);
      return DeploySummary.print(result, spec.commandLine().getOut(), term);
    }
  }
}
