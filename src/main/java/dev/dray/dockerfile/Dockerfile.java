package dev.dray.dockerfile;

import dev.dray.image.ImageRef;
import dev.dray.image.InvalidReferenceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed Dockerfile: its parser directives, the {@code ARG}s declared before the first {@code
 * FROM}, and its stages with the dependencies between them.
 *
 * @param fileName the name used in messages, such as {@code Dockerfile}
 * @param directives the {@code # syntax=} and {@code # escape=} directives
 * @param globalArgs the {@code ARG}s before the first {@code FROM}, in order
 * @param stages the stages in file order; never empty
 */
public record Dockerfile(
    String fileName,
    ParserDirectives directives,
    List<ArgDeclaration> globalArgs,
    List<Stage> stages) {

  public Dockerfile {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(directives, "directives");
    globalArgs = List.copyOf(globalArgs);
    stages = List.copyOf(stages);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a Dockerfile has at least one stage");
    }
  }

  /**
   * The stage with this name (any case), this {@link Stage#id() id} such as {@code stage-2}, or
   * this 0-based index such as {@code 2}.
   */
  public Optional<Stage> stage(String nameOrIndex) {
    String key = nameOrIndex.strip().toLowerCase(Locale.ROOT);
    if (!key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
      try {
        int index = Integer.parseInt(key);
        return index < stages.size() ? Optional.of(stages.get(index)) : Optional.empty();
      } catch (NumberFormatException tooLarge) {
        return Optional.empty();
      }
    }
    return stages.stream().filter(s -> s.id().equals(key)).findFirst();
  }

  /** The last stage: what a build without a target produces. */
  public Stage finalStage() {
    return stages.get(stages.size() - 1);
  }

  /**
   * The stages needed to build {@code target}, each after the stages it needs and the target last;
   * stages the target does not need are left out.
   *
   * @param target a stage name, id or index; {@code null} or blank means the final stage
   * @throws UnknownTargetException when no stage matches {@code target}
   */
  public List<Stage> stagesFor(String target) {
    Stage goal = resolveTarget(target);
    List<StageGraph.Edge> edges = new ArrayList<>();
    Map<String, Integer> indexById = new LinkedHashMap<>();
    for (Stage stage : stages) {
      indexById.put(stage.id(), stage.index());
    }
    for (Stage stage : stages) {
      for (String dep : stage.dependsOn()) {
        edges.add(new StageGraph.Edge(stage.index(), indexById.get(dep), stage.line()));
      }
    }
    return new StageGraph(stages.size(), edges)
        .orderFor(goal.index()).stream().map(stages::get).toList();
  }

  /**
   * The images, other than stages and {@code scratch}, that building {@code target} reads: the
   * {@code FROM} bases, {@code COPY --from} and {@code RUN --mount=...,from=} images of the stages
   * it needs, in build order without repeats.
   *
   * @param target a stage name, id or index; {@code null} or blank means the final stage
   * @param buildArgs build arguments; they override the defaults of global {@code ARG}s of the same
   *     name (and supply {@code TARGETARCH} and the other automatic platform arguments)
   * @throws UnknownTargetException when no stage matches {@code target}
   * @throws DockerfileException when a reference expands to nothing or to an invalid reference
   */
  public List<ImageRef> externalBaseImages(String target, Map<String, String> buildArgs) {
    Map<String, Integer> byName = new LinkedHashMap<>();
    stages.forEach(s -> s.name().ifPresent(n -> byName.put(n, s.index())));
    SourceResolver resolver =
        new SourceResolver(
            fileName,
            directives.escape(),
            byName,
            stages.size(),
            ArgScope.globals(globalArgs, buildArgs, directives.escape()));
    Set<ImageRef> images = new LinkedHashSet<>();
    for (Stage stage : stagesFor(target)) {
      for (StageSource source : StageSource.of(stage)) {
        resolver
            .externalImage(source, stage.index())
            .ifPresent(ref -> images.add(parseImage(ref, source)));
      }
    }
    return List.copyOf(images);
  }

  private ImageRef parseImage(String ref, StageSource source) {
    try {
      return ImageRef.parse(ref);
    } catch (InvalidReferenceException e) {
      String written =
          ref.equals(source.reference()) ? "" : " (written '" + source.reference() + "')";
      throw new DockerfileException(
          fileName,
          source.line(),
          source.describe()
              + ": '"
              + ref
              + "'"
              + written
              + " is not a stage or a valid image: "
              + e.getMessage(),
          "name a stage defined in the Dockerfile or an image like python:3.11-slim");
    }
  }

  private Stage resolveTarget(String target) {
    if (target == null || target.isBlank()) {
      return finalStage();
    }
    return stage(target)
        .orElseThrow(
            () ->
                new UnknownTargetException(
                    fileName, target, stages.stream().map(Stage::id).toList()));
  }
}
