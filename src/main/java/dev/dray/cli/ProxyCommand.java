package dev.dray.cli;

import dev.dray.config.DrayConfig;
import dev.dray.deploy.Deployer;
import dev.dray.proxy.EdgeProxy;
import dev.dray.proxy.ProxyStatus;
import dev.dray.proxy.Route;
import dev.dray.proxy.ServerState;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dray proxy boot|status|reboot}: the app's HAProxy edge proxy. */
@Command(
    name = "proxy",
    description =
        "The edge proxy: boot (start or adopt), status, reboot (restart from its saved config).")
final class ProxyCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(
      paramLabel = "ACTION",
      description = "boot, status or reboot",
      defaultValue = "status")
  String action;

  ProxyCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    DrayConfig config = AppCommand.config(common, env);
    PrintWriter out = spec.commandLine().getOut();
    EdgeProxy proxy = DeployWiring.proxy(env, config.service());
    List<Route> routes = Deployer.routes(config, Set.of());
    switch (action) {
      case "boot" -> proxy.ensureRunning(routes);
      case "reboot" -> {
        proxy.stop();
        proxy.ensureRunning(routes);
      }
      case "status" -> {}
      default ->
          throw new CliInputException(
              "unknown proxy action '" + action + "'", "use boot, status or reboot");
    }
    ProxyStatus status = proxy.status();
    out.println(
        "proxy "
            + (status.running() ? "running" : "not running")
            + status.pid().stream().mapToObj(p -> " (pid " + p + ")").findFirst().orElse("")
            + "  config "
            + status.configFile());
    for (Route r : routes) {
      out.println("  " + r.bind() + ":" + r.publicPort() + " → " + r.backend());
      if (status.running()) {
        for (ServerState s : proxy.servers(r.backend())) {
          out.println(
              "      "
                  + s.server()
                  + " "
                  + s.address()
                  + " "
                  + s.adminState()
                  + "/"
                  + s.operState()
                  + " in flight "
                  + s.currentSessions());
        }
      }
    }
    return status.running() || action.equals("status") ? 0 : 1;
  }
}
