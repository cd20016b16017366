package dev.dray.cli;

import dev.dray.build.Backoff;
import dev.dray.build.ImageTransfer;
import dev.dray.config.DrayConfig;
import dev.dray.engine.DockerEngine;
import dev.dray.engine.EndpointDiscovery;
import dev.dray.engine.HttpDockerEngine;
import dev.dray.events.EventSink;
import dev.dray.image.GitContext;
import dev.dray.image.GitContextResolver;
import dev.dray.image.ImageMetadata;
import dev.dray.image.ImageRef;
import dev.dray.image.MetadataGenerator;
import dev.dray.image.ProjectInfo;
import dev.dray.registry.CredentialResolver;
import dev.dray.registry.PushAccess;
import dev.dray.registry.RegistryAuthException;
import dev.dray.registry.RegistryClient;
import dev.dray.registry.RegistryTransport;
import dev.dray.registry.RegistryUnreachableException;
import dev.dray.registry.RetryPolicy;
import dev.dray.registry.Sleeper;
import dev.dray.registry.SystemProcessRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;

/** Connects the command line to the real world: the engine, registries, Git facts, tags. */
final class Wiring {
  private Wiring() {}

  static DockerEngine engine(Map<String, String> env) {
    return HttpDockerEngine.connect(EndpointDiscovery.standard().discover(env));
  }

  static CredentialResolver credentials(Map<String, String> env) {
    return CredentialResolver.standard(env, home(), new SystemProcessRunner());
  }

  static RegistryClient registry(Map<String, String> env, DrayConfig config) {
    return new RegistryClient(
        RegistryTransport.builder()
            .credentials(credentials(env))
            .insecureHosts(new HashSet<>(config.registry().insecure()))
            .retryPolicy(
                new RetryPolicy(
                    config.registry().retries(), Duration.ofMillis(500), Duration.ofSeconds(8)))
            .userAgent("dray/" + VersionProvider.version())
            .build());
  }

  /** Fails before any build work when the registry cannot be reached or refuses pushes. */
  /** Pulls and pushes for {@code config}'s image, with its retries and the user's credentials. */
  static ImageTransfer transfer(
      Map<String, String> env,
      DrayConfig config,
      DockerEngine engine,
      RegistryClient registry,
      Clock clock,
      EventSink events) {
    return new ImageTransfer(
        engine,
        registry::manifestDigest,
        credentials(env),
        Backoff.standard(config.registry().retries()),
        Sleeper.system(),
        clock,
        events);
  }

  static void requirePushAccess(RegistryClient registry, ImageRef repository) {
    switch (registry.checkPushAccess(repository)) {
      case PushAccess.Ok ok -> {}
      case PushAccess.Unauthorized no ->
          throw new RegistryAuthException(
              repository.registry(), repository.repository(), no.detail(), no.attempts());
      case PushAccess.Unreachable no ->
          throw new RegistryUnreachableException(
              repository.registry(), "https://" + repository.registry() + "/v2/", no.detail());
    }
  }

  static GitContext gitContext(Map<String, String> env, Path dir) {
    return GitContextResolver.standard().resolve(env, dir);
  }

  static ImageMetadata metadata(DrayConfig config, GitContext git, Instant now) {
    return MetadataGenerator.parse(
            config.tagRules(), config.flavor(), project(config), config.labels())
        .generate(java.util.List.of(config.image().name()), git, now);
  }

  /** What dray.yml says about the project, for the OCI labels. */
  static ProjectInfo project(DrayConfig config) {
    Map<String, String> labels = config.labels();
    return new ProjectInfo(
        "",
        labels.getOrDefault("org.opencontainers.image.description", ""),
        labels.getOrDefault("org.opencontainers.image.licenses", ""),
        "",
        config.service());
  }

  private static Path home() {
    return Path.of(System.getProperty("user.home"));
  }
}
