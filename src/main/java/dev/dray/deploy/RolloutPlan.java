package dev.dray.deploy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Everything one rollout will do, computed before anything runs.
 *
 * @param kind deploy, rollback or recover
 * @param images the image each service runs after the rollout, pinned by digest
 */
public record RolloutPlan(
    String deployId,
    String app,
    String kind,
    String version,
    Map<String, String> images,
    List<RolloutStep> steps) {
  public RolloutPlan {
    images = Map.copyOf(images);
    steps = List.copyOf(steps);
  }

  /** The plan as numbered lines. */
  public List<String> describe() {
    return IntStream.range(0, steps.size())
        .mapToObj(i -> (i + 1) + ". " + steps.get(i).describe())
        .toList();
  }
}
