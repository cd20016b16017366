package dev.dray.cli;

import dev.dray.build.BuildEvent;
import dev.dray.build.BuildEvent.BaseImagePulling;
import dev.dray.build.BuildEvent.BuildFinished;
import dev.dray.build.BuildEvent.BuildStarted;
import dev.dray.build.BuildEvent.BuildWarning;
import dev.dray.build.BuildEvent.PushProgress;
import dev.dray.build.BuildEvent.Retrying;
import dev.dray.build.BuildEvent.StageBuildFinished;
import dev.dray.build.BuildEvent.StageBuildStarted;
import dev.dray.build.BuildEvent.StageCacheKept;
import dev.dray.build.BuildEvent.StageCachePushed;
import dev.dray.build.BuildEvent.StepChanged;
import dev.dray.build.BuildEvent.StepOutput;
import dev.dray.build.BuildEvent.TagPushed;
import dev.dray.build.ByteSize;
import dev.dray.events.Event;
import dev.dray.events.EventSink;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build progress for an interactive terminal: one line per stage, redrawn in place, showing the
 * running step, its elapsed time and its latest output line; finished work scrolls above.
 */
final class LiveBuildProgress implements EventSink {
  private static final Duration REDRAW_EVERY = Duration.ofMillis(80);

  private final PrintWriter out;
  private final Terminal term;
  private final Clock clock;
  private final Map<String, StageLine> stages = new LinkedHashMap<>();
  private final List<String> pending = new ArrayList<>();
  private String activity = "";
  private int drawn;
  private Instant lastDraw = Instant.EPOCH;

  LiveBuildProgress(PrintWriter out, Terminal term, Clock clock) {
    this.out = out;
    this.term = term;
    this.clock = clock;
  }

  @Override
  public synchronized void emit(Event event) {
    if (!(event instanceof BuildEvent e)) {
      return;
    }
    boolean force = true;
    switch (e) {
      case BuildStarted s -> {
        s.stages().forEach(name -> stages.put(name, new StageLine(name)));
        pending.add(term.bold("build " + s.repository()) + term.dim(" (" + s.service() + ")"));
      }
      case BaseImagePulling p -> activity = "pulling " + p.reference();
      case StageBuildStarted s -> line(s.stage()).status = term.cyan("resolving cache…");
      case StepChanged s -> {
        StageLine l = line(s.stage());
        switch (s.state()) {
          case RUNNING -> {
            l.status = term.yellow("▶ ") + s.step();
            l.output = "";
            l.runningSince = s.at();
          }
          case CACHED -> {
            l.cached++;
            l.status = term.dim("cached " + s.step());
          }
          case DONE -> {
            l.ran++;
            l.status = term.green("✓ ") + s.step() + term.dim(" " + Durations.format(s.elapsed()));
            l.runningSince = null;
          }
          case FAILED -> l.status = term.red("✗ " + s.step());
        }
      }
      case StepOutput o -> {
        line(o.stage()).output = o.line();
        force = false;
      }
      case StageBuildFinished f -> {
        StageLine l = line(f.stage());
        l.runningSince = null;
        l.output = "";
        l.status =
            f.ranSteps()
                ? term.green("built")
                    + term.dim(" " + l.ran + " step(s) ran, " + l.cached + " cached")
                : term.green("cached") + term.dim(" restored from cache");
      }
      case StageCachePushed p -> pending.add(term.dim("  cache pushed  " + p.reference()));
      case StageCacheKept k -> {}
      case PushProgress p -> {
        activity =
            "pushing "
                + p.reference()
                + (p.totalBytes() > 0
                    ? "  "
                        + ByteSize.format(p.sentBytes())
                        + " / "
                        + ByteSize.format(p.totalBytes())
                    : "");
        force = false;
      }
      case Retrying r ->
          pending.add(
              term.yellow("  retry ")
                  + r.operation()
                  + term.dim(" (" + r.reason() + ") in " + Durations.format(r.delay())));
      case TagPushed t -> {
        activity = "";
        pending.add(term.green("  pushed  ") + t.reference() + term.dim("  " + t.digest()));
      }
      case BuildFinished f -> activity = "";
      case BuildWarning w -> pending.add(term.yellow("  warning ") + w.step() + ": " + w.message());
    }
    redraw(force || e instanceof BuildFinished);
  }

  private StageLine line(String stage) {
    return stages.computeIfAbsent(stage, StageLine::new);
  }

  private void redraw(boolean force) {
    Instant now = clock.instant();
    if (!force && Duration.between(lastDraw, now).compareTo(REDRAW_EVERY) < 0) {
      return;
    }
    lastDraw = now;
    StringBuilder sb = new StringBuilder();
    if (drawn > 0) {
      sb.append("\u001b[").append(drawn).append('A');
    }
    for (String p : pending) {
      sb.append("\u001b[2K").append(p).append('\n');
    }
    pending.clear();
    int width = stages.keySet().stream().mapToInt(String::length).max().orElse(8);
    int lines = 0;
    for (StageLine l : stages.values()) {
      String elapsed =
          l.runningSince == null
              ? ""
              : term.dim(" " + Durations.format(Duration.between(l.runningSince, now)));
      sb.append("\u001b[2K  ")
          .append(term.bold(pad(l.name, width)))
          .append("  ")
          .append(l.status)
          .append(elapsed)
          .append('\n');
      lines++;
      if (!l.output.isEmpty()) {
        sb.append("\u001b[2K  ")
            .append(" ".repeat(width + 2))
            .append(term.dim("│ " + clip(l.output)))
            .append('\n');
        lines++;
      }
    }
    sb.append("\u001b[2K").append(activity.isEmpty() ? "" : "  " + activity).append('\n');
    lines++;
    sb.append("\u001b[J");
    out.print(sb);
    out.flush();
    drawn = lines;
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  private static String clip(String s) {
    return s.length() > 100 ? s.substring(0, 99) + "…" : s;
  }

  /** What one stage line shows. */
  private static final class StageLine {
    final String name;
    String status = "waiting";
    String output = "";
    Instant runningSince;
    int cached;
    int ran;

    StageLine(String name) {
      this.name = name;
    }
  }
}
