package dev.dray.cli;

import dev.dray.config.DrayConfig;
import dev.dray.store.DeployLockInfo;
import dev.dray.store.Store;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dray lock status|release}: who holds the deploy lock; release a stale one. */
@Command(name = "lock", description = "Show the deploy lock (status) or release it (release).")
final class LockCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "ACTION", description = "status or release", defaultValue = "status")
  String action;

  LockCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    DrayConfig config = AppCommand.config(common, env);
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = Stores.open(env)) {
      Optional<DeployLockInfo> lock = store.locks().status(config.service());
      switch (action) {
        case "status" -> {
          if (lock.isEmpty()) {
            out.println(config.service() + ": not locked");
          } else {
            DeployLockInfo l = lock.get();
            boolean stale =
                dev.dray.store.DeployLocks.isStale(
                    l, dev.dray.deploy.Identity.current(env).hostname());
            out.println(
                config.service()
                    + ": locked by "
                    + l.holder()
                    + " since "
                    + l.since()
                    + (l.message().isBlank() ? "" : " — " + l.message())
                    + (stale
                        ? " (STALE: its process is gone; 'dray recover' repairs and releases it)"
                        : ""));
          }
        }
        case "release" -> {
          store.locks().forceRelease(config.service());
          store
              .audit()
              .append(
                  "local",
                  config.service(),
                  "lock released",
                  lock.map(DeployLockInfo::holder).orElse("(was free)"),
                  java.time.Instant.now());
          out.println(
              config.service()
                  + ": lock released"
                  + lock.map(l -> " (was held by " + l.holder() + ")").orElse(" (it was free)"));
        }
        default ->
            throw new CliInputException(
                "unknown lock action '" + action + "'",
                "use 'dray lock status' or 'dray lock release'");
      }
      return 0;
    }
  }
}
