package dev.dray.build;

import dev.dray.image.ImageRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one {@code dray build} will do, computed before anything runs: the context, the
 * Dockerfile, the stages in order and each step.
 */
public record BuildPlan(
    String service,
    ImageRef repository,
    Path context,
    String dockerfile,
    String target,
    List<String> stages,
    Map<String, String> buildArgs,
    Optional<String> platform,
    List<String> tags,
    List<BuildStep> steps) {

  public BuildPlan {
    stages = List.copyOf(stages);
    buildArgs = Map.copyOf(buildArgs);
    tags = List.copyOf(tags);
    steps = List.copyOf(steps);
  }

  /** The plan as numbered lines, for {@code dray build --plan}. */
  public List<String> describe() {
    return java.util.stream.IntStream.range(0, steps.size())
        .mapToObj(i -> (i + 1) + ". " + steps.get(i).describe())
        .toList();
  }
}
