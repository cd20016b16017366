package dev.dray.cli;

import dev.dray.deploy.DeployEvent;
import dev.dray.deploy.DeployEvent.DeployFinished;
import dev.dray.deploy.DeployEvent.DeployStarted;
import dev.dray.deploy.DeployEvent.HealthProbe;
import dev.dray.deploy.DeployEvent.StepFailed;
import dev.dray.deploy.DeployEvent.StepFinished;
import dev.dray.deploy.DeployEvent.StepStarted;
import dev.dray.deploy.DeployEvent.Switched;
import dev.dray.deploy.DeployEvent.Undone;
import dev.dray.deploy.DeployEvent.Warning;
import dev.dray.events.Event;
import dev.dray.events.EventSink;
import java.io.PrintWriter;

/** Rollout progress as lines: each step when it starts and ends, health probes, switches, undos. */
final class DeployProgress implements EventSink {
  private final PrintWriter out;
  private final Terminal term;

  DeployProgress(PrintWriter out, Terminal term) {
    this.out = out;
    this.term = term;
  }

  @Override
  public synchronized void emit(Event event) {
    if (!(event instanceof DeployEvent e)) {
      return;
    }
    String line =
        switch (e) {
          case DeployStarted s ->
              term.bold(s.kind() + " " + s.app() + " " + s.version())
                  + term.dim(
                      " (" + s.deployId().substring(0, 8) + ", " + s.steps().size() + " steps)");
          case StepStarted s -> term.dim(String.format("%2d. ", s.seq())) + s.step() + " …";
          case StepFinished s ->
              term.green("    ✓ ")
                  + term.dim(
                      Durations.format(s.took())
                          + (s.detail().isBlank() ? "" : "  " + firstLine(s.detail())));
          case StepFailed s -> term.red("    ✗ " + firstLine(s.reason()));
          case HealthProbe p ->
              p.attempt() == 1 || p.attempt() % 5 == 0
                  ? term.dim("      probe " + p.attempt() + ": " + p.result())
                  : null;
          case Switched s -> term.cyan("    ⇄ " + s.service() + ": " + s.from() + " → " + s.to());
          case Undone u -> term.yellow("    ↩ undone: ") + u.what();
          case Warning w -> term.yellow("    warning: ") + w.message();
          case DeployFinished f -> null;
        };
    if (line != null) {
      out.println(line);
      out.flush();
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
