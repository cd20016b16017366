package dev.dray.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A place where a stage reads another stage or an image: its {@code FROM} base, a {@code COPY
 * --from} or a {@code RUN --mount=...,from=}, with the reference as written.
 */
record StageSource(Kind kind, String reference, int line) {
  enum Kind {
    FROM,
    COPY_FROM,
    MOUNT_FROM
  }

  /** Every source of {@code stage}: its base first, then each instruction's, in order. */
  static List<StageSource> of(Stage stage) {
    List<StageSource> sources = new ArrayList<>();
    sources.add(new StageSource(Kind.FROM, stage.base(), stage.line()));
    for (Instruction instruction : stage.instructions()) {
      switch (instruction.keyword()) {
        case "COPY" ->
            instruction.flag("from").stream()
                .filter(from -> !from.isEmpty())
                .forEach(
                    from -> sources.add(new StageSource(Kind.COPY_FROM, from, instruction.line())));
        case "RUN" -> {
          for (String mount : instruction.flagValues("mount")) {
            mountFrom(mount)
                .forEach(
                    from ->
                        sources.add(new StageSource(Kind.MOUNT_FROM, from, instruction.line())));
          }
        }
        default -> {}
      }
    }
    return sources;
  }

  private static List<String> mountFrom(String mount) {
    List<String> froms = new ArrayList<>();
    for (String field : mount.split(",")) {
      int eq = field.indexOf('=');
      if (eq > 0 && field.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("from")) {
        String value = field.substring(eq + 1).strip();
        if (!value.isEmpty()) {
          froms.add(value);
        }
      }
    }
    return froms;
  }

  /** How the flag is written in the Dockerfile, for messages. */
  String describe() {
    return switch (kind) {
      case FROM -> "FROM " + reference;
      case COPY_FROM -> "COPY --from=" + reference;
      case MOUNT_FROM -> "RUN --mount=from=" + reference;
    };
  }
}
