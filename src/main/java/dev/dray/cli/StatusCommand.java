package dev.dray.cli;

import dev.dray.config.DrayConfig;
import dev.dray.config.Role;
import dev.dray.config.ServiceConfig;
import dev.dray.deploy.ContainerNames;
import dev.dray.engine.ContainerDetails;
import dev.dray.engine.ContainerSummary;
import dev.dray.engine.DockerEngine;
import dev.dray.proxy.ServerState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * recent log lines.
 */
@Command(
    name = "status",
    description =
        "What runs now: version, digest, health, restarts, proxy; --logs for recent lines.")
final class StatusCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--logs",
      description = "Show this many recent log lines per service.",
      arity = "0..1",
      fallbackValue = "10")
  Integer logs;

  StatusCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    DrayConfig config = AppCommand.config(common, env);
    String app = config.service();
    PrintWriter out = spec.commandLine().getOut();
    Terminal term = Terminal.detect(env);
    try (DockerEngine engine = Wiring.engine(env)) {
      List<ContainerSummary> all = engine.listContainers(Map.of(ContainerNames.APP, app), true);
      out.println(term.bold(app) + term.dim("  (" + all.size() + " container(s) on local)"));
      boolean anyRunning = false;
      for (ServiceConfig s : config.deploy().services()) {
        List<ContainerSummary> mine =
            all.stream()
                .filter(
                    c ->
                        s.name().equals(c.labels().get(ContainerNames.SERVICE))
                            && "running".equals(c.state()))
                .toList();
        if (mine.isEmpty()) {
          out.println("  " + term.bold(s.name()) + "  " + term.red("not running"));
          continue;
        }
        anyRunning = true;
        for (ContainerSummary c : mine) {
          ContainerDetails d = engine.inspectContainer(c.id()).orElseThrow();
          String since =
              d.startedAt()
                  .map(t -> Durations.format(Duration.between(t, Instant.now())) + " ago")
                  .orElse("?");
          out.printf(
              Locale.ROOT,
              "  %s  %s  %s  up %s  health %s  restarts %d%n",
              term.bold(s.name()),
              c.labels().getOrDefault(ContainerNames.VERSION, "?"),
              shortImage(d.image()),
              since,
              d.health().orElse("-"),
              d.restartCount());
          out.println(term.dim("      " + d.name()));
          if (logs != null) {
            engine.containerLogs(c.id(), logs).forEach(l -> out.println(term.dim("      | ") + l));
          }
        }
      }
      proxy(config, out, term);
      gpu(out);
      return anyRunning ? 0 : 1;
    }
  }

  private void proxy(DrayConfig config, PrintWriter out, Terminal term) {
    var proxy = DeployWiring.proxy(env, config.service());
    var status = proxy.status();
    out.println(
        term.bold("proxy")
            + "  "
            + (status.running() ? term.green("running") : term.red("not running")));
    if (!status.running()) {
      return;
    }
    for (ServiceConfig s : config.deploy().services()) {
      if (s.role() != Role.WEB) {
        continue; // workers have no backend: asking haproxy about one is an error
      }
      String backend = ContainerNames.backend(config.service(), s.name());
      for (ServerState v : proxy.servers(backend)) {
        out.printf(
            Locale.ROOT,
            "  %s  %s %s  %s/%s  in flight %d%n",
            backend,
            v.server(),
            v.address(),
            v.adminState(),
            v.operState(),
            v.currentSessions());
      }
    }
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

  private static String shortImage(String image) {
    int at = image.indexOf("@sha256:");
    return at < 0 ? image : image.substring(at + 1, Math.min(image.length(), at + 20));
  }
}
