package dev.dray.build;

import dev.dray.build.BuildReport.StageReport;
import dev.dray.build.BuildReport.StepReport;
import dev.dray.engine.Vertex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects, per Dockerfile stage, the steps of the BuildKit pass that first built it. Later passes
 * re-evaluate earlier stages from the local cache; those repeats do not count again.
 */
final class StageLedger {
  private final List<String> stages;
  private final Map<String, List<StepReport>> steps = new LinkedHashMap<>();
  private final Set<String> cachePushed = new HashSet<>();

  StageLedger(List<String> stages) {
    this.stages = List.copyOf(stages);
  }

  /** Takes the steps of a finished (or failed) pass for every stage not yet owned by a pass. */
  void absorb(StepTracker pass, Instant passEnded) {
    Map<String, List<StepReport>> found = new LinkedHashMap<>();
    for (Vertex v : pass.vertices()) {
      VertexName name = VertexName.parse(v.name());
      if (!name.stageStep()) {
        continue;
      }
      String stage = pass.stageOf(name);
      if (!steps.containsKey(stage)) {
        found.computeIfAbsent(stage, s -> new ArrayList<>()).add(stepOf(name, v, passEnded));
      }
    }
    steps.putAll(found);
  }

  /** The stages already owned by an earlier pass. */
  java.util.Set<String> owned() {
    return java.util.Set.copyOf(steps.keySet());
  }

  /** Whether {@code stage} ran at least one step other than resolving its base image. */
  boolean ranSteps(String stage) {
    return steps.getOrDefault(stage, List.of()).stream()
        .anyMatch(s -> !s.cached() && !s.name().regionMatches(true, 0, "FROM ", 0, 5));
  }

  /** Whether every step of {@code stage} ran, none came from cache (resolving the base aside). */
  boolean ranAllSteps(String stage) {
    List<StepReport> real =
        steps.getOrDefault(stage, List.of()).stream()
            .filter(s -> !s.name().regionMatches(true, 0, "FROM ", 0, 5))
            .toList();
    return !real.isEmpty() && real.stream().noneMatch(StepReport::cached);
  }

  void markCachePushed(String stage) {
    cachePushed.add(stage);
  }

  /** One report per stage in dependency order; stages BuildKit never showed have no steps. */
  List<StageReport> reports() {
    List<StageReport> out = new ArrayList<>();
    for (String stage : stages) {
      List<StepReport> s = steps.getOrDefault(stage, List.of());
      Duration total = s.stream().map(StepReport::duration).reduce(Duration.ZERO, Duration::plus);
      out.add(new StageReport(stage, ranSteps(stage), cachePushed.contains(stage), total, s));
    }
    return out;
  }

  private static StepReport stepOf(VertexName name, Vertex v, Instant passEnded) {
    Duration d =
        v.duration()
            .orElseGet(
                () -> v.started().map(s -> Duration.between(s, passEnded)).orElse(Duration.ZERO));
    return new StepReport(name.step(), v.cached(), d, v.error());
  }
}
