package dev.dray.dockerfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of the global {@code ARG}s that {@code FROM} lines see: each default expanded with the
 * arguments declared before it, replaced by a build argument of the same name when one is given.
 */
final class ArgScope {
  /** Arguments BuildKit defines without a declaration; taken from the build args when given. */
  static final Set<String> AUTOMATIC =
      Set.of(
          "BUILDPLATFORM",
          "BUILDOS",
          "BUILDARCH",
          "BUILDVARIANT",
          "TARGETPLATFORM",
          "TARGETOS",
          "TARGETARCH",
          "TARGETVARIANT");

  private ArgScope() {}

  static Map<String, String> globals(
      List<ArgDeclaration> declarations, Map<String, String> buildArgs, char escape) {
    Map<String, String> values = new HashMap<>();
    for (String name : AUTOMATIC) {
      if (buildArgs.containsKey(name)) {
        values.put(name, buildArgs.get(name));
      }
    }
    for (ArgDeclaration arg : declarations) {
      if (buildArgs.containsKey(arg.name())) {
        values.put(arg.name(), buildArgs.get(arg.name()));
      } else if (arg.defaultValue().isPresent()) {
        values.put(arg.name(), ShellWords.expand(arg.defaultValue().get(), escape, values));
      }
    }
    return values;
  }
}
