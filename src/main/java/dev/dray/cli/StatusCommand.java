package dev.dray.cli;

import dev.dray.config.DrayConfig;
import dev.dray.engine.DockerEngine;
import dev.dray.server.AppStatus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dray status}: per service the running version, digest, since when, health, state and
 * restarts, the proxy's view, GPU use where {@code nvidia-smi} exists, and with {@code --logs}
 * recent log lines. With a server configured ({@code --server}, {@code DRAY_SERVER}) the same lines
 * come from its {@code GET /api/apps}.
 */
@Command(
    name = "status",
    description =
        "What runs now: version, digest, health, restarts, proxy; --logs for recent lines;"
            + " --server (or DRAY_SERVER) asks dray server.")
final class StatusCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ServerOptions source;

  @Option(
      names = "--logs",
      description = "Show this many recent log lines per service (this host only).",
      arity = "0..1",
      fallbackValue = "10")
  Integer logs;

  StatusCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    StatusPrinter printer = new StatusPrinter(out, Terminal.detect(env), Clock.systemUTC());
    Optional<ServerTarget> server = source.target(env);
    if (server.isPresent()) {
      return remote(server.get(), printer);
    }
    DrayConfig config = AppCommand.config(common, env);
    StatusView view;
    try (DockerEngine engine = Wiring.engine(env)) {
      view =
          new LocalStatus(engine, DeployWiring.proxy(env, config.service()))
              .read(config, Optional.ofNullable(logs));
    }
    printer.print(view);
    gpu(out);
    return view.anyRunning() ? 0 : 1;
  }

  /** The app (or, without dray.yml and --app, every app) as the server sees it. */
  private int remote(ServerTarget server, StatusPrinter printer) {
    if (logs != null) {
      throw new CliInputException(
          "--logs reads container logs from this host's Docker engine; dray server's API does not"
              + " serve them",
          "run 'dray status --local --logs' or 'dray logs SERVICE' on the server's host");
    }
    Optional<String> app = source.app(common, env);
    List<AppStatus> shown;
    try (ServerApi api = new ServerApi(server)) {
      List<AppStatus> all = api.apps();
      shown = app.map(a -> List.of(RemoteApps.find(all, a, api.server()))).orElse(all);
      if (shown.isEmpty()) {
        throw new CliInputException(
            "dray server at " + api.server() + " serves no app",
            "start it with the app's dray.yml: 'dray server --config dray.yml'");
      }
    }
    boolean allUp = true;
    for (AppStatus status : shown) {
      StatusView view = RemoteApps.view(status, "from server " + server);
      printer.print(view);
      allUp &= view.anyRunning();
    }
    return allUp ? 0 : 1;
  }

  private static void gpu(PrintWriter out) {
    if (!Files.isExecutable(Path.of("/usr/bin/nvidia-smi"))) {
      return;
    }
    try {
      Process p =
          new ProcessBuilder(
                  "nvidia-smi",
                  "--query-gpu=name,utilization.gpu,memory.used,memory.total",
                  "--format=csv,noheader")
              .redirectErrorStream(true)
              .start();
      String text =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .strip();
      if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
        text.lines().forEach(l -> out.println("gpu    " + l));
      }
    } catch (java.io.IOException e) {
      out.println("gpu    nvidia-smi failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
