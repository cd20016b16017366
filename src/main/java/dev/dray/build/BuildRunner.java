package dev.dray.build;

import dev.dray.DrayException;
import dev.dray.build.BuildEvent.BaseImagePulling;
import dev.dray.build.BuildEvent.BuildFinished;
import dev.dray.build.BuildEvent.BuildStarted;
import dev.dray.build.BuildEvent.StageBuildFinished;
import dev.dray.build.BuildEvent.StageBuildStarted;
import dev.dray.build.BuildEvent.StageCacheKept;
import dev.dray.build.BuildEvent.StageCachePushed;
import dev.dray.build.BuildEvent.TagPushed;
import dev.dray.build.BuildReport.Outcome;
import dev.dray.build.BuildReport.StageReport;
import dev.dray.build.BuildStep.BuildStage;
import dev.dray.build.BuildStep.CheckGuards;
import dev.dray.build.BuildStep.PullImage;
import dev.dray.build.BuildStep.PushStageCache;
import dev.dray.build.BuildStep.PushTag;
import dev.dray.engine.BuildRequest;
import dev.dray.engine.BuildResult;
import dev.dray.engine.DockerEngine;
import dev.dray.engine.ImageDetails;
import dev.dray.engine.PullFailedException;
import dev.dray.events.EventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executes a {@link BuildPlan} step by step against a Docker engine, emitting {@link BuildEvent}s,
 * and returns what happened as a {@link BuildReport}. A failure still ends with a {@link
 * BuildFinished} event carrying a failed report before the error is rethrown.
 */
public final class BuildRunner {
  private final DockerEngine engine;
  private final ImageTransfer pusher;
  private final Clock clock;
  private final EventSink events;

  public BuildRunner(DockerEngine engine, ImageTransfer pusher, Clock clock, EventSink events) {
    this.engine = engine;
    this.pusher = pusher;
    this.clock = clock;
    this.events = events;
  }

  /** Runs {@code plan}; {@code id}, {@code gitRef} and {@code gitSha} go into the report. */
  public BuildReport run(BuildPlan plan, String id, String gitRef, String gitSha) {
    Run run = new Run(plan, id, gitRef, gitSha, clock.instant());
    events.emit(
        new BuildStarted(
            run.startedAt, plan.service(), plan.repository().name(), plan.stages(), plan.tags()));
    try {
      for (BuildStep step : plan.steps()) {
        execute(run, step);
      }
      BuildReport report = run.report(Outcome.SUCCEEDED, Optional.empty());
      events.emit(new BuildFinished(clock.instant(), report));
      return report;
    } catch (DrayException | IllegalStateException e) {
      events.emit(
          new BuildFinished(clock.instant(), run.report(Outcome.FAILED, Optional.of(message(e)))));
      throw e;
    }
  }

  private void execute(Run run, BuildStep step) {
    switch (step) {
      case PullImage pull -> pullImage(pull);
      case BuildStage stage -> buildStage(run, stage);
      case CheckGuards guards -> checkGuards(run, guards);
      case PushStageCache push -> pushStageCache(run, push);
      case PushTag push -> {
        String digest = pusher.push(push.reference());
        run.digest.compareAndSet(null, digest);
        run.pushedTags.add(push.reference().toString());
        events.emit(new TagPushed(clock.instant(), push.reference().toString(), digest));
      }
    }
  }

  private void pullImage(PullImage pull) {
    events.emit(new BaseImagePulling(clock.instant(), pull.image().toString()));
    try {
      pusher.pull(pull.image());
    } catch (PullFailedException e) {
      if (!pull.optional() || e.reason() != PullFailedException.Reason.NOT_FOUND) {
        throw e;
      }
    }
  }

  private void buildStage(Run run, BuildStage stage) {
    Instant started = clock.instant();
    events.emit(new StageBuildStarted(started, stage.stage()));
    Map<String, String> args = new LinkedHashMap<>(run.plan.buildArgs());
    if (stage.inlineCache()) {
      args.put("BUILDKIT_INLINE_CACHE", "1");
    }
    BuildRequest request =
        new BuildRequest(
            run.plan.context(),
            run.plan.dockerfile(),
            Optional.of(stage.stage()),
            args,
            stage.tags(),
            stage.cacheFrom(),
            stage.labels(),
            stage.noCache(),
            false,
            run.plan.platform());
    StepTracker tracker =
        new StepTracker(run.plan.stages(), run.stages.owned(), run.warned, clock, events);
    BuildResult result;
    try {
      result = engine.build(request, tracker);
    } finally {
      run.stages.absorb(tracker, clock.instant());
    }
    boolean ran = run.stages.ranSteps(stage.stage());
    events.emit(
        new StageBuildFinished(
            clock.instant(), stage.stage(), ran, Duration.between(started, clock.instant())));
    if (stage.isTarget()) {
      run.imageId = result.imageId();
    }
  }

  private void checkGuards(Run run, CheckGuards guards) {
    ImageDetails image =
        engine
            .inspectImage(run.imageId)
            .orElseThrow(
                () -> new IllegalStateException("built image " + run.imageId + " vanished"));
    run.size = image.size();
    run.layers = image.layerCount();
    if (guards.maxSizeBytes().isPresent() && image.size() > guards.maxSizeBytes().getAsLong()) {
      long max = guards.maxSizeBytes().getAsLong();
      throw new BuildGuardException(
          "max_size",
          image.size(),
          max,
          ByteSize.format(image.size()) + " is more than " + ByteSize.format(max));
    }
    if (guards.maxLayers().isPresent() && image.layerCount() > guards.maxLayers().getAsInt()) {
      int max = guards.maxLayers().getAsInt();
      throw new BuildGuardException(
          "max_layers",
          image.layerCount(),
          max,
          image.layerCount() + " layers is more than " + max);
    }
  }

  private void pushStageCache(Run run, PushStageCache push) {
    Optional<String> keep =
        switch (push.policy()) {
          case ALWAYS -> Optional.empty();
          case WHEN_STAGE_FULLY_BUILT -> reasonToKeep(run, push);
        };
    if (keep.isPresent()) {
      events.emit(
          new StageCacheKept(
              clock.instant(), push.stage(), push.cacheImage().toString(), keep.get()));
      return;
    }
    pusher.push(push.cacheImage());
    run.stages.markCachePushed(push.stage());
    events.emit(new StageCachePushed(clock.instant(), push.stage(), push.cacheImage().toString()));
  }

  private Optional<String> reasonToKeep(Run run, PushStageCache push) {
    if (run.stages.ranAllSteps(push.stage())) {
      return Optional.empty();
    }
    if (!pusher.existsInRegistry(push.cacheImage())) {
      return Optional.empty();
    }
    return Optional.of(
        run.stages.ranSteps(push.stage()) ? "partly restored from cache" : "unchanged");
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The mutable state of one run, turned into a report at the end. */
  private final class Run {
    final BuildPlan plan;
    final String id;
    final String gitRef;
    final String gitSha;
    final Instant startedAt;
    final StageLedger stages;
    final java.util.concurrent.atomic.AtomicReference<String> digest =
        new java.util.concurrent.atomic.AtomicReference<>();
    final List<String> pushedTags = new ArrayList<>();
    final java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();
    String imageId;
    long size;
    int layers;

    Run(BuildPlan plan, String id, String gitRef, String gitSha, Instant startedAt) {
      this.plan = plan;
      this.id = id;
      this.gitRef = gitRef;
      this.gitSha = gitSha;
      this.startedAt = startedAt;
      this.stages = new StageLedger(plan.stages());
    }

    BuildReport report(Outcome outcome, Optional<String> failure) {
      List<StageReport> stageReports = stages.reports();
      return new BuildReport(
          id,
          plan.service(),
          plan.repository().name(),
          startedAt,
          Duration.between(startedAt, clock.instant()),
          outcome,
          failure,
          gitRef,
          gitSha,
          stageReports,
          plan.tags().stream().map(t -> plan.repository().withTag(t).toString()).toList(),
          Optional.ofNullable(imageId),
          Optional.ofNullable(digest.get()),
          size,
          layers);
    }
  }
}
