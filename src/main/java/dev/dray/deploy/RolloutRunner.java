package dev.dray.deploy;

import dev.dray.deploy.DeployEvent.DeployFinished;
import dev.dray.deploy.DeployEvent.DeployStarted;
import dev.dray.deploy.DeployEvent.StepFailed;
import dev.dray.deploy.DeployEvent.StepFinished;
import dev.dray.deploy.DeployEvent.StepStarted;
import dev.dray.deploy.DeployEvent.Undone;
import dev.dray.deploy.DeployEvent.Warning;
import dev.dray.deploy.DeployReport.Outcome;
import dev.dray.deploy.DeployReport.StepOutcome;
import dev.dray.events.EventSink;
import dev.dray.store.DeployHistory;
import dev.dray.store.DeployRecord;
import dev.dray.store.DeployStepRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Executes a {@link RolloutPlan}: each step is put on record before its side effect and emitted as
 * events. Every change the rollout makes pushes its inverse on a stack; when a step fails, the
 * stack is unwound, so services already switched go back and the previous version keeps serving.
 */
public final class RolloutRunner {
  private final StepExecutor executor;
  private final DeployHistory history;
  private final Clock clock;
  private final EventSink events;

  public RolloutRunner(
      StepExecutor executor, DeployHistory history, Clock clock, EventSink events) {
    this.executor = executor;
    this.history = history;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Runs {@code plan} on behalf of {@code who}; never throws for a failed step, the report says.
   */
  public DeployReport run(RolloutPlan plan, String who) {
    Instant started = clock.instant();
    history.start(
        new DeployRecord(
            plan.deployId(),
            plan.app(),
            plan.kind(),
            plan.version(),
            plan.images(),
            who,
            started,
            Optional.empty(),
            "RUNNING",
            Optional.empty(),
            Optional.empty()));
    events.emit(
        new DeployStarted(
            started, plan.deployId(), plan.app(), plan.kind(), plan.version(), plan.describe()));
    Deque<Undo> undo = new ArrayDeque<>();
    List<StepOutcome> done = new ArrayList<>();
    int seq = 0;
    Journal journal = new Journal(plan.deployId());
    for (RolloutStep step : plan.steps()) {
      seq++;
      String what = step.describe();
      Instant stepStart = clock.instant();
      journal.write(seq, what, "STARTED", stepStart, "");
      events.emit(new StepStarted(stepStart, plan.deployId(), seq, what));
      try {
        String detail = executor.execute(plan, step, undo);
        Duration took = Duration.between(stepStart, clock.instant());
        journal.write(seq, what, "DONE", clock.instant(), detail);
        events.emit(new StepFinished(clock.instant(), plan.deployId(), seq, what, took, detail));
        done.add(new StepOutcome(seq, what, "DONE", took));
      } catch (InterruptedException | RuntimeException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        String reason =
            (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + (e instanceof dev.dray.DrayException d
                    ? d.hint().map(h -> "\nhint: " + h).orElse("")
                    : "");
        journal.write(seq, what, "FAILED", clock.instant(), firstLine(reason));
        events.emit(new StepFailed(clock.instant(), plan.deployId(), seq, what, reason));
        done.add(
            new StepOutcome(seq, what, "FAILED", Duration.between(stepStart, clock.instant())));
        return fail(plan, started, done, what, reason, e, undo);
      }
    }
    history.finish(
        plan.deployId(), "SUCCEEDED", Optional.empty(), Optional.empty(), clock.instant());
    DeployReport report =
        new DeployReport(
            plan.deployId(),
            plan.app(),
            plan.kind(),
            plan.version(),
            Outcome.SUCCEEDED,
            started,
            Duration.between(started, clock.instant()),
            done,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of());
    events.emit(new DeployFinished(clock.instant(), report));
    return report;
  }

  private DeployReport fail(
      RolloutPlan plan,
      Instant started,
      List<StepOutcome> done,
      String step,
      String reason,
      Exception cause,
      Deque<Undo> undo) {
    List<String> undone = new ArrayList<>();
    boolean clean = true;
    while (!undo.isEmpty()) {
      Undo u = undo.pop();
      try {
        u.run();
        undone.add(u.what());
        events.emit(new Undone(clock.instant(), u.what()));
      } catch (InterruptedException | RuntimeException e) {
        clean = false;
        events.emit(
            new Warning(clock.instant(), "could not undo '" + u.what() + "': " + e.getMessage()));
      }
    }
    Outcome outcome = clean ? Outcome.ROLLED_BACK : Outcome.FAILED;
    history.finish(
        plan.deployId(),
        outcome.name(),
        Optional.of(step),
        Optional.of(firstLine(reason)),
        clock.instant());
    Optional<ContainerFailure> container =
        cause instanceof UnhealthyException u ? Optional.of(u.failure()) : Optional.empty();
    DeployReport report =
        new DeployReport(
            plan.deployId(),
            plan.app(),
            plan.kind(),
            plan.version(),
            outcome,
            started,
            Duration.between(started, clock.instant()),
            done,
            Optional.of(step),
            Optional.of(reason),
            container,
            undone);
    events.emit(new DeployFinished(clock.instant(), report));
    return report;
  }

  /** Writes journal lines, each numbered, naming the plan step it belongs to. */
  private final class Journal {
    private final String deployId;
    private int line;

    Journal(String deployId) {
      this.deployId = deployId;
    }

    void write(int step, String what, String state, Instant at, String detail) {
      history.step(new DeployStepRecord(deployId, ++line, step + ". " + what, state, at, detail));
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
