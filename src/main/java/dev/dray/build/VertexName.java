package dev.dray.build;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BuildKit vertex name split into stage and step: {@code [python-deps 2/4] RUN pip install …} is
 * step {@code RUN pip install …} of stage {@code python-deps}. Single-stage Dockerfiles have no
 * stage in the brackets ({@code [2/3] RUN …}); multi-platform builds put the platform first ({@code
 * [linux/arm64 base 1/3] FROM …}); BuildKit's own work ({@code [internal] …}, exporting) belongs to
 * no stage.
 *
 * @param stageStep whether the vertex is a Dockerfile step at all
 * @param stage the stage's name, empty for single-stage Dockerfiles and for non-steps
 */
public record VertexName(boolean stageStep, Optional<String> stage, String step) {
  private static final Pattern STAGE_STEP =
      Pattern.compile(
          "^\\[(?:(?<platform>\\S+/\\S+) )?(?:(?<stage>\\S+) )?\\d+/\\d+\\]\\s*(?<step>.*)$",
          Pattern.DOTALL);

  /** Parses a vertex name. */
  public static VertexName parse(String name) {
    Matcher m = STAGE_STEP.matcher(name);
    if (!m.matches()) {
      return new VertexName(false, Optional.empty(), name);
    }
    return new VertexName(true, Optional.ofNullable(m.group("stage")), m.group("step").strip());
  }

  /** Whether the step is the stage's {@code FROM}: resolving a base is not running a step. */
  public boolean isFrom() {
    return step.regionMatches(true, 0, "FROM ", 0, 5);
  }

  /**
   * Whether this vertex belongs to {@code stageId}; {@code onlyStage} covers single-stage files.
   */
  public boolean belongsTo(String stageId, boolean onlyStage) {
    return stageStep && stage.map(stageId::equals).orElse(onlyStage);
  }
}
