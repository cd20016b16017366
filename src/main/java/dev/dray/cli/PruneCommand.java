package dev.dray.cli;

import dev.dray.config.DrayConfig;
import dev.dray.deploy.Deployer;
import dev.dray.engine.DockerEngine;
import dev.dray.events.EventSink;
import dev.dray.store.Store;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dray prune}: removes old containers and images beyond the retention. */
@Command(
    name = "prune",
    description = "Remove the app's old containers and images beyond retention.keep.")
final class PruneCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--keep",
      description = "Previous versions to keep per service (default: retention.keep).")
  Integer keep;

  PruneCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    DrayConfig config = AppCommand.config(common, env);
    PrintWriter out = spec.commandLine().getOut();
    try (DockerEngine engine = Wiring.engine(env);
        Store store = Stores.open(env)) {
      Deployer deployer = DeployWiring.deployer(env, config, engine, store, EventSink.none());
      List<String> removed =
          deployer.prune(config, keep == null ? config.deploy().retentionKeep() : keep);
      if (removed.isEmpty()) {
        out.println("nothing to prune");
      } else {
        removed.forEach(name -> out.println("removed " + name));
      }
      return 0;
    }
  }
}
