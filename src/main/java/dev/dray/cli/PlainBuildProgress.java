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
import dev.dray.events.Event;
import dev.dray.events.EventSink;
import java.io.PrintWriter;

/**
 * Build progress as plain lines, one per thing that happened, for logs and non-terminals: {@code
 * [builder] RUN make … done 5.2s}.
 */
final class PlainBuildProgress implements EventSink {
  private final PrintWriter out;
  private final boolean showOutput;

  PlainBuildProgress(PrintWriter out, boolean showOutput) {
    this.out = out;
    this.showOutput = showOutput;
  }

  @Override
  public synchronized void emit(Event event) {
    if (!(event instanceof BuildEvent e)) {
      return;
    }
    String line =
        switch (e) {
          case BuildStarted s ->
              "build "
                  + s.repository()
                  + " ("
                  + s.service()
                  + "): stages "
                  + String.join(" → ", s.stages());
          case BaseImagePulling p -> "pull " + p.reference();
          case StageBuildStarted s -> "[" + s.stage() + "] building";
          case StepChanged s ->
              switch (s.state()) {
                case RUNNING -> "[" + s.stage() + "] " + s.step() + " … running";
                case CACHED -> "[" + s.stage() + "] " + s.step() + " … cached";
                case DONE ->
                    "[" + s.stage() + "] " + s.step() + " … done " + Durations.format(s.elapsed());
                case FAILED -> "[" + s.stage() + "] " + s.step() + " … FAILED";
              };
          case StepOutput o -> showOutput ? "[" + o.stage() + "] | " + o.line() : null;
          case StageBuildFinished f ->
              "["
                  + f.stage()
                  + "] "
                  + (f.ranSteps() ? "built" : "restored from cache")
                  + " in "
                  + Durations.format(f.duration());
          case StageCachePushed p -> "[" + p.stage() + "] cache pushed: " + p.reference();
          case StageCacheKept k ->
              "[" + k.stage() + "] cache image kept (" + k.reason() + "): " + k.reference();
          case PushProgress p -> null;
          case Retrying r ->
              r.operation()
                  + " failed ("
                  + r.reason()
                  + "); attempt "
                  + (r.attempt() + 1)
                  + "/"
                  + r.maxAttempts()
                  + " in "
                  + Durations.format(r.delay());
          case TagPushed t -> "pushed " + t.reference() + " " + t.digest();
          case BuildWarning w -> "warning: " + w.step() + ": " + w.message();
          case BuildFinished f -> null;
        };
    if (line != null) {
      out.println(line);
      out.flush();
    }
  }
}
