package dev.dray.cli;

import dev.dray.deploy.DeployReport;
import dev.dray.deploy.DeployResult;
import java.io.PrintWriter;

/**
 * Prints how a rollout ended and returns the exit code: 0 success, 1 failed (rolled back or not).
 */
final class DeploySummary {
  private DeploySummary() {}

  static int print(DeployResult result, PrintWriter out, Terminal term) {
    return switch (result) {
      case DeployResult.AlreadyRunning a -> {
        out.println(
            "already running "
                + a.version()
                + " ("
                + String.join(", ", a.images())
                + "); nothing to do");
        out.println(term.dim("use --force to roll out again"));
        yield 0;
      }
      case DeployResult.Planned p -> {
        out.println(p.plan().kind() + " " + p.plan().app() + " " + p.plan().version() + ":");
        p.plan().describe().forEach(out::println);
        yield 0;
      }
      case DeployResult.Ran r -> {
        r.recovered().forEach(line -> out.println(term.yellow("recovered: ") + line));
        yield report(r.report(), out, term);
      }
    };
  }

  static int report(DeployReport r, PrintWriter out, Terminal term) {
    out.println();
    switch (r.outcome()) {
      case SUCCEEDED ->
          out.println(
              term.green(r.kind() + " of " + r.app() + " " + r.version() + " succeeded")
                  + " in "
                  + Durations.format(r.duration()));
      case ROLLED_BACK -> {
        out.println(
            term.red(r.kind() + " of " + r.app() + " " + r.version() + " failed")
                + " at step '"
                + r.failedStep().orElse("?")
                + "'; rolled back, the previous version keeps serving");
        r.failure().ifPresent(f -> out.println("  " + f.replace("\n", "\n  ")));
      }
      case FAILED -> {
        out.println(
            term.red(r.kind() + " of " + r.app() + " " + r.version() + " failed")
                + " at step '"
                + r.failedStep().orElse("?")
                + "' and could not undo everything");
        r.failure().ifPresent(f -> out.println("  " + f.replace("\n", "\n  ")));
        out.println("  run 'dray recover' to bring the previous version back");
      }
    }
    out.println(term.dim("  record: dray releases " + r.deployId().substring(0, 8)));
    out.flush();
    return r.succeeded() ? 0 : 1;
  }
}
