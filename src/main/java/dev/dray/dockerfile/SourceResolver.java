package dev.dray.dockerfile;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Decides whether a {@link StageSource} names a stage of this Dockerfile, as BuildKit does: a
 * {@code FROM} sees only stages defined above it, {@code --from} sees every stage by name or index.
 */
final class SourceResolver {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");

  private final String file;
  private final char escape;
  private final Map<String, Integer> stageIndexByName;
  private final int stageCount;
  private final Map<String, String> vars;

  SourceResolver(
      String file,
      char escape,
      Map<String, Integer> stageIndexByName,
      int stageCount,
      Map<String, String> vars) {
    this.file = file;
    this.escape = escape;
    this.stageIndexByName = stageIndexByName;
    this.stageCount = stageCount;
    this.vars = vars;
  }

  /** The reference with global arguments expanded. */
  String expand(StageSource source) {
    try {
      return ShellWords.expand(source.reference(), escape, vars).strip();
    } catch (IllegalArgumentException e) {
      throw new DockerfileException(
          file,
          source.line(),
          "cannot expand '" + source.reference() + "': " + e.getMessage(),
          "variables are written $NAME, ${NAME} or ${NAME:-default}");
    }
  }

  /** The index of the stage {@code source} reads, seen from stage {@code fromIndex}. */
  OptionalInt stageIndex(StageSource source, int fromIndex) {
    String ref = expand(source);
    if (source.kind() == StageSource.Kind.FROM) {
      Integer index = stageIndexByName.get(ref.toLowerCase(Locale.ROOT));
      return index != null && index < fromIndex ? OptionalInt.of(index) : OptionalInt.empty();
    }
    if (NUMBER.matcher(ref).matches()) {
      long index = Long.parseLong(ref);
      if (index < 0 || index >= stageCount) {
        throw new DockerfileException(
            file,
            source.line(),
            source.describe()
                + ": there is no stage "
                + ref
                + " (stages are numbered 0 to "
                + (stageCount - 1)
                + ")",
            "refer to a stage by its AS name or by its 0-based position in the Dockerfile");
      }
      return OptionalInt.of((int) index);
    }
    Integer index = stageIndexByName.get(ref.toLowerCase(Locale.ROOT));
    return index == null ? OptionalInt.empty() : OptionalInt.of(index);
  }

  /** The image {@code source} reads when it is neither a stage nor {@code scratch}. */
  Optional<String> externalImage(StageSource source, int fromIndex) {
    if (stageIndex(source, fromIndex).isPresent()) {
      return Optional.empty();
    }
    String ref = expand(source);
    if (ref.isEmpty()) {
      throw new DockerfileException(
          file,
          source.line(),
          source.describe() + " names no image once variables are expanded",
          "give the build argument it uses a value, or a default in its ARG line");
    }
    if (source.kind() == StageSource.Kind.FROM && ref.equalsIgnoreCase("scratch")) {
      return Optional.empty();
    }
    return Optional.of(ref);
  }
}
