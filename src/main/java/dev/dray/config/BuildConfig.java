package dev.dray.config;

import dev.dray.image.ImageRef;
import dev.dray.image.InvalidReferenceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How the service's image is built: context, Dockerfile, target stage, build arguments, platforms,
 * cache mode and size limits.
 *
 * @param context the build context directory, absolute
 * @param dockerfile the Dockerfile, absolute
 * @param target the stage to build; empty for the last stage
 * @param args build arguments, in file order
 * @param platforms target platforms such as {@code linux/amd64}; empty for the engine's own
 * @param cache where stage caches are kept
 * @param maxSizeBytes the largest allowed image size in bytes, if limited
 * @param maxLayers the largest allowed number of layers, if limited
 * @param pull extra images to pull with credentials before the build
 */
public record BuildConfig(
    Path context,
    Path dockerfile,
    Optional<String> target,
    Map<String, String> args,
    List<String> platforms,
    CacheMode cache,
    OptionalLong maxSizeBytes,
    OptionalInt maxLayers,
    List<String> pull) {

  public BuildConfig {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(dockerfile, "dockerfile");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(maxSizeBytes, "maxSizeBytes");
    Objects.requireNonNull(maxLayers, "maxLayers");
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    platforms = List.copyOf(platforms);
    pull = List.copyOf(pull);
  }

  /**
   * Reads the {@code build} section (absent: every default), checking paths and sizes. The
   * Dockerfile must exist when the section is written; a file without it may only deploy, and
   * {@code dray build} then reports the missing Dockerfile itself.
   */
  static BuildConfig read(ConfigNode build) {
    ConfigNode contextNode = build.get("context");
    Path context = build.baseDir().resolve(contextNode.text(".")).normalize();
    boolean contextExists = Files.isDirectory(context);
    if (!contextExists) {
      contextNode.problem(
          (Files.exists(context) ? "not a directory: " : "directory not found: ") + context);
    }
    ConfigNode dockerfileNode = build.get("dockerfile");
    Path dockerfile = context.resolve(dockerfileNode.text("Dockerfile")).normalize();
    if (contextExists && build.isPresent() && !Files.isRegularFile(dockerfile)) {
      dockerfileNode.problem(
          (Files.exists(dockerfile) ? "not a file: " : "file not found: ")
              + dockerfile
              + (dockerfileNode.isPresent() ? "" : " (the default; set build.dockerfile)"));
    }
    return new BuildConfig(
        context,
        dockerfile,
        build.get("target").text(),
        build.get("args").scalarMap(),
        build.get("platforms").strings(),
        CacheMode.fromConfigValue(build.get("cache").text(CacheMode.REGISTRY.configValue())),
        maxSize(build.get("max_size")),
        build.get("max_layers").integer(),
        pull(build.get("pull")));
  }

  private static OptionalLong maxSize(ConfigNode node) {
    if (!node.isPresent()) {
      return OptionalLong.empty();
    }
    String text = node.text("");
    OptionalLong bytes =
        node.isNumber() ? OptionalLong.of(Long.parseLong(text)) : ByteSize.parse(text);
    if (bytes.isEmpty() || bytes.getAsLong() <= 0) {
      node.problem(
          "expected a size like 2GB or 500MiB (units "
              + ByteSize.UNITS
              + "), got "
              + (node.isNumber() ? text : "'" + text + "'"));
      return OptionalLong.empty();
    }
    return bytes;
  }

  private static List<String> pull(ConfigNode node) {
    for (ConfigNode image : node.elements()) {
      try {
        ImageRef.parse(image.text(""));
      } catch (InvalidReferenceException e) {
        image.problem(e.getMessage());
      }
    }
    return node.strings();
  }
}
