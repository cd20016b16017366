package dev.dray.cli;

import dev.dray.build.BuildReport;
import dev.dray.build.BuildReport.StageReport;
import dev.dray.build.ByteSize;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints the end-of-build table: per stage ran or restored, then image, digest and tags. */
final class BuildSummary {
  private final Terminal term;

  BuildSummary(Terminal term) {
    this.term = term;
  }

  void print(BuildReport r, PrintWriter out) {
    int width = r.stages().stream().mapToInt(s -> s.name().length()).max().orElse(5);
    out.println();
    for (StageReport s : r.stages()) {
      long cached = s.steps().stream().filter(BuildReport.StepReport::cached).count();
      String what =
          s.ranSteps()
              ? term.yellow("built   ")
              : s.steps().isEmpty() ? term.dim("skipped ") : term.green("cached  ");
      out.printf(
          Locale.ROOT,
          "  %s  %s %s%s%n",
          pad(s.name(), width),
          what,
          term.dim(
              String.format(
                  Locale.ROOT,
                  "%d/%d steps from cache, %s",
                  cached,
                  s.steps().size(),
                  Durations.format(s.duration()))),
          s.cachePushed() ? term.dim(", cache pushed") : "");
    }
    out.printf(
        Locale.ROOT,
        "%n%s %s in %s, cache hit %.0f%%%n",
        r.outcome() == BuildReport.Outcome.SUCCEEDED ? term.green("built") : term.red("FAILED"),
        r.repository(),
        Durations.format(r.duration()),
        r.cacheHitRatio() * 100);
    r.imageId().ifPresent(id -> out.println("  image   " + id));
    if (r.sizeBytes() > 0) {
      out.println(
          "  size    " + ByteSize.format(r.sizeBytes()) + ", " + r.layerCount() + " layers");
    }
    r.digest().ifPresent(d -> out.println("  digest  " + d));
    r.tags().forEach(t -> out.println("  tag     " + t));
    r.failure().ifPresent(f -> out.println(term.red("  error   ") + f));
    out.println("  record  dray builds " + r.id().substring(0, 8));
    out.flush();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
