package dev.dray.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One build stage: the {@code FROM} line that opens it, its instructions, and the stages it needs.
 *
 * @param index the stage's 0-based position in the Dockerfile
 * @param name the {@code AS} name, lower-cased as BuildKit does; empty for an unnamed stage
 * @param base the image or stage after {@code FROM}, as written (variables not expanded)
 * @param platform the {@code --platform} value as written, if any
 * @param line the 1-based line of the {@code FROM} instruction
 * @param instructions the instructions after {@code FROM}, in order
 * @param dependsOn the {@link #id() ids} of the stages this one needs: its {@code FROM} stage, and
 *     stages named by {@code COPY --from} or {@code RUN --mount=...,from=}; computed with the
 *     default values of the global {@code ARG}s
 */
public record Stage(
    int index,
    Optional<String> name,
    String base,
    Optional<String> platform,
    int line,
    List<Instruction> instructions,
    List<String> dependsOn) {

  public Stage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(platform, "platform");
    if (index < 0) {
      throw new IllegalArgumentException("stage index must not be negative: " + index);
    }
    instructions = List.copyOf(instructions);
    dependsOn = List.copyOf(dependsOn);
  }

  /**
   * The stage's name, or {@code stage-<index>} for an unnamed stage: the prefix BuildKit gives the
   * stage's steps in build progress (a Dockerfile with a single stage gets no prefix there).
   */
  public String id() {
    return name.orElse(idFor(index));
  }

  static String idFor(int index) {
    return "stage-" + index;
  }
}
