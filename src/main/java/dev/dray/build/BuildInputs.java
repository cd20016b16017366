package dev.dray.build;

import dev.dray.config.CacheMode;
import dev.dray.dockerfile.Dockerfile;
import dev.dray.image.ImageRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What {@link BuildPlanner} needs to compute a plan: the parsed Dockerfile, the build settings, the
 * computed tags and labels, the user's options, and which registry hosts have credentials.
 */
public record BuildInputs(
    String service,
    ImageRef repository,
    Path context,
    String dockerfilePath,
    Dockerfile dockerfile,
    Optional<String> target,
    Map<String, String> buildArgs,
    List<String> platforms,
    CacheMode cache,
    OptionalLong maxSizeBytes,
    OptionalInt maxLayers,
    List<String> extraPulls,
    List<String> tags,
    Map<String, String> labels,
    BuildOptions options,
    Set<String> hostsWithCredentials) {

  public BuildInputs {
    buildArgs = Map.copyOf(buildArgs);
    platforms = List.copyOf(platforms);
    extraPulls = List.copyOf(extraPulls);
    tags = List.copyOf(tags);
    labels = Map.copyOf(labels);
    hostsWithCredentials = Set.copyOf(hostsWithCredentials);
  }
}
