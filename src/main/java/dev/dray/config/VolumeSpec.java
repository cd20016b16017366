package dev.dray.config;

import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a volume in Docker's short syntax ({@code SOURCE:TARGET[:MODE]} or an anonymous {@code
 * TARGET}) and resolves a relative host path ({@code ./conf}, {@code ../data}) against the file's
 * directory, as Compose does.
 */
final class VolumeSpec {
  private static final Pattern VOLUME_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Set<String> MODES =
      Set.of(
          "ro",
          "rw",
          "z",
          "Z",
          "nocopy",
          "cached",
          "delegated",
          "consistent",
          "shared",
          "slave",
          "private",
          "rshared",
          "rslave",
          "rprivate");

  private VolumeSpec() {}

  /**
   * The volume with a relative host path made absolute.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static String resolve(String spec, Path baseDir) {
    String[] parts = spec.split(":", -1);
    if (parts.length > 3) {
      throw new IllegalArgumentException(
          "expected SOURCE:TARGET[:MODE] such as data:/data or ./conf:/etc/app:ro, got '"
              + spec
              + "'");
    }
    if (parts.length == 1) {
      requireTarget(parts[0], spec);
      return spec;
    }
    String source = parts[0];
    requireTarget(parts[1], spec);
    if (parts.length == 3) {
      for (String mode : parts[2].split(",", -1)) {
        if (!MODES.contains(mode)) {
          throw new IllegalArgumentException(
              "unknown volume mode '" + mode + "' in '" + spec + "'; expected ro or rw");
        }
      }
    }
    String resolved;
    if (source.startsWith("/")) {
      resolved = source;
    } else if (source.equals(".") || source.startsWith("./") || source.startsWith("..")) {
      resolved = baseDir.resolve(source).normalize().toString();
    } else if (source.startsWith("~")) {
      throw new IllegalArgumentException(
          "~ is not expanded in '" + spec + "'; write the absolute host path");
    } else if (VOLUME_NAME.matcher(source).matches()) {
      resolved = source;
    } else {
      throw new IllegalArgumentException(
          "'"
              + source
              + "' in '"
              + spec
              + "' is neither a volume name nor a host path (start those with / or ./)");
    }
    return resolved + ":" + parts[1] + (parts.length == 3 ? ":" + parts[2] : "");
  }

  private static void requireTarget(String target, String spec) {
    if (!target.startsWith("/")) {
      throw new IllegalArgumentException(
          "the container path in '" + spec + "' must be absolute (start with /)");
    }
  }
}
