package dev.dray.cli;

import dev.dray.config.DrayConfig;
import dev.dray.deploy.DeployResult;
import dev.dray.deploy.Deployer;
import dev.dray.engine.DockerEngine;
import dev.dray.events.EventSink;
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

/**
 * {@code dray deploy [VERSION]}: rolls the app's services out start-first behind the proxy, with
 * health gates and automatic rollback.
 */
@Command(
    name = "deploy",
    description = "Roll a version out with zero downtime (default version: latest).")
final class DeployCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin LockOptions lock;

  @Parameters(arity = "0..1", paramLabel = "VERSION", description = "The image tag to deploy.")
  String version;

  @Option(
      names = "--force",
      description = "Roll out even when every service already runs this image.")
  boolean force;

  @Option(names = "--plan", description = "Print the rollout plan and stop.")
  boolean planOnly;

  @Option(names = "--profile", description = "Enable a Compose profile; repeatable.")
  List<String> profiles = List.of();

  DeployCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    DrayConfig config = AppCommand.config(common, env);
    Terminal term = Terminal.detect(env);
    EventSink events = new DeployProgress(spec.commandLine().getOut(), term);
    try (DockerEngine engine = Wiring.engine(env);
        Store store = Stores.open(env)) {
      Deployer deployer = DeployWiring.deployer(env, config, engine, store, events);
      DeployResult result =
          deployer.deploy(
              new Deployer.Request(
                  config,
                  Optional.ofNullable(version),
                  force,
                  planOnly,
                  lock.message,
                  lock.lockWait(),
                  new HashSet<>(profiles),
                  env));
      return DeploySummary.print(result, spec.commandLine().getOut(), term);
    }
  }
}
