package dev.dray.cli;

import dev.dray.build.BuildInputs;
import dev.dray.build.BuildOptions;
import dev.dray.build.ImageTransfer;
import dev.dray.config.BuildConfig;
import dev.dray.config.DrayConfig;
import dev.dray.dockerfile.Dockerfile;
import dev.dray.image.ImageRef;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code dray build} and the server's builds of pushed commits put together the same way: the
 * inputs of a build plan from dray.yml, and which registries dray has credentials for.
 */
final class BuildWiring {
  private BuildWiring() {}

  /**
   * The inputs of a build of {@code config}'s image.
   *
   * @param target the stage to build; empty: the one dray.yml names, else the last
   */
  static BuildInputs inputs(
      DrayConfig config,
      Dockerfile dockerfile,
      Optional<String> target,
      List<String> tags,
      Map<String, String> labels,
      BuildOptions options,
      Set<String> hostsWithCredentials) {
    BuildConfig build = config.build();
    return new BuildInputs(
        config.service(),
        config.image(),
        build.context(),
        build.context().relativize(build.dockerfile()).toString(),
        dockerfile,
        target.or(build::target),
        build.args(),
        build.platforms(),
        build.cache(),
        build.maxSizeBytes(),
        build.maxLayers(),
        build.pull(),
        tags,
        labels,
        options,
        hostsWithCredentials);
  }

  /** The registries (the image's and the target stage's base images') dray has credentials for. */
  static Set<String> hostsWithCredentials(
      DrayConfig config, Dockerfile dockerfile, Optional<String> target, ImageTransfer transfer) {
    Set<String> hosts = new HashSet<>();
    hosts.add(config.image().registry());
    String stage = target.or(config.build()::target).orElse(dockerfile.finalStage().id());
    dockerfile.externalBaseImages(stage, config.build().args()).stream()
        .map(ImageRef::registry)
        .forEach(hosts::add);
    hosts.removeIf(h -> !transfer.hasCredentials(h));
    return hosts;
  }
}
