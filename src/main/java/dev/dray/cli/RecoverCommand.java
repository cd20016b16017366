package dev.dray.cli;

import dev.dray.config.DrayConfig;
import dev.dray.engine.DockerEngine;
import dev.dray.store.Store;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dray recover}: repairs what an interrupted rollout left (also done by every deploy). */
@Command(
    name = "recover",
    description = "Repair what an interrupted rollout left; the previous version serves again.")
final class RecoverCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin LockOptions lock;

  @Option(names = "--profile", description = "Enable a Compose profile; repeatable.")
  List<String> profiles = List.of();

  RecoverCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    DrayConfig config = AppCommand.config(common, env);
    PrintWriter out = spec.commandLine().getOut();
    try (DockerEngine engine = Wiring.engine(env);
        Store store = Stores.open(env)) {
      List<String> done =
          DeployWiring.deployer(
                  env, config, engine, store, new DeployProgress(out, Terminal.detect(env)))
              .recover(config, new HashSet<>(profiles), lock.lockWait());
      if (done.isEmpty()) {
        out.println("nothing to recover: no interrupted rollout of " + config.service());
      } else {
        done.forEach(line -> out.println("recovered: " + line));
      }
      return 0;
    }
  }
}
