package dev.dray.deploy;

import dev.dray.config.BackupCommand;
import dev.dray.config.HealthcheckConfig;
import dev.dray.engine.ContainerSpec;
import dev.dray.proxy.Route;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One step of a {@link RolloutPlan}: data only, executed by {@link RolloutRunner}. */
public sealed interface RolloutStep {

  /** A one-line description for {@code dray deploy --plan} and the journal. */
  String describe();

  /** Start the edge proxy, or adopt the running one, with a route per web service. */
  record BootProxy(List<Route> routes) implements RolloutStep {
    public BootProxy {
      routes = List.copyOf(routes);
    }

    @Override
    public String describe() {
      return "proxy: "
          + String.join(
              ", ",
              routes.stream()
                  .map(r -> r.bind() + ":" + r.publicPort() + " → " + r.backend())
                  .toList());
    }
  }

  /** Start a kept container of an earlier version again (rollback). */
  record RestartContainer(String service, String container) implements RolloutStep {
    @Override
    public String describe() {
      return "start kept container " + container + " (" + service + ")";
    }
  }

  /** Pull an image by digest. */
  record PullImage(String image) implements RolloutStep {
    @Override
    public String describe() {
      return "pull " + image;
    }
  }

  /** Run a host shell command ({@code sh -c}); {@code phase} is pre_deploy or post_deploy. */
  record RunHook(String phase, String command) implements RolloutStep {
    @Override
    public String describe() {
      return phase + " hook: " + command;
    }
  }

  /** Run the backup commands into a new backup directory and snapshot the release there. */
  record BackUp(
      String directoryName, List<BackupCommand> commands, int keep, ReleaseSnapshot snapshot)
      implements RolloutStep {
    public BackUp {
      commands = List.copyOf(commands);
    }

    @Override
    public String describe() {
      return "back up ("
          + (commands.isEmpty()
              ? "release snapshot"
              : commands.size() + " command(s) + release snapshot")
          + ", keep last "
          + keep
          + ")";
    }
  }

  /** Run a one-off container of the new image; a non-zero exit stops the deploy. */
  record Migrate(ContainerSpec container, Duration timeout) implements RolloutStep {
    @Override
    public String describe() {
      return "migrate: " + String.join(" ", container.command()) + " in " + container.image();
    }
  }

  /** Create and start a service's new container (start-first: the old one keeps serving). */
  record StartContainer(String service, ContainerSpec container) implements RolloutStep {
    @Override
    public String describe() {
      return "start " + container.name() + " (" + service + ", " + container.image() + ")";
    }
  }

  /** Wait until the new container is healthy by its health check. */
  record AwaitHealthy(
      String service, String container, Optional<Integer> port, Optional<HealthcheckConfig> check)
      implements RolloutStep {
    @Override
    public String describe() {
      return "health check " + service + " (" + container + ")";
    }
  }

  /**
   * Add the new container to the service's proxy backend, out of rotation, and wait for its checks.
   */
  record AddToProxy(String service, String backend, String container, int containerPort)
      implements RolloutStep {
    @Override
    public String describe() {
      return "add " + container + " to proxy backend " + backend;
    }
  }

  /** Send the service's traffic to the new container; the old one drains. */
  record SwitchTraffic(
      String service, String backend, String to, Optional<String> from, int containerPort)
      implements RolloutStep {
    @Override
    public String describe() {
      return "switch "
          + service
          + " traffic"
          + from.map(f -> " from " + f).orElse("")
          + " to "
          + to;
    }
  }

  /** Wait until the old server has nothing in flight (bounded), then remove it from the proxy. */
  record Drain(String service, String backend, String server, Duration timeout)
      implements RolloutStep {
    @Override
    public String describe() {
      return "drain " + server + " (at most " + timeout.toSeconds() + "s)";
    }
  }

  /** Stop a previous container; it is kept for instant rollback. */
  record StopContainer(String service, String container, Duration timeout) implements RolloutStep {
    @Override
    public String describe() {
      return "stop " + container + " (kept for rollback)";
    }
  }

  /** Remove containers and images beyond the retention, never the running or the last good ones. */
  record Prune(int keep) implements RolloutStep {
    @Override
    public String describe() {
      return "prune: keep " + keep + " previous version(s) per service";
    }
  }
}
