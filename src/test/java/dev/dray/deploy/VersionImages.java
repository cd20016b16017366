package dev.dray.deploy;

import dev.dray.engine.BuildListener;
import dev.dray.engine.BuildRequest;
import dev.dray.engine.DockerEngine;
import dev.dray.engine.ImageDetails;
import dev.dray.engine.ProgressListener;
import dev.dray.image.ImageRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Versions of a tiny web app for deploy tests, pushed to the open local registry: busybox httpd
 * serving {@code /version} and, when healthy, {@code /up}; each prints {@code version <v> starting}
 * (or that it is broken) before it serves.
 */
public final class VersionImages {
  private final DockerEngine engine;
  private final ImageRef repository;
  private final List<String> pushed = new ArrayList<>();

  public VersionImages(DockerEngine engine, ImageRef repository) {
    this.engine = engine;
    this.repository = repository;
  }

  public ImageRef repository() {
    return repository;
  }

  /** The line a version prints when it starts. */
  public static String startLine(String version, boolean healthy) {
    return healthy
        ? "version " + version + " starting"
        : "version " + version + " starting without /up: this build is broken";
  }

  /** Builds {@code repository:version} and pushes it. */
  public ImageRef push(String version, boolean healthy) {
    Path ctx;
    try {
      ctx = Files.createTempDirectory("dray-deploy-image");
      Files.writeString(
          ctx.resolve("Dockerfile"),
          """
          FROM %s
          RUN mkdir -p /www && echo %s > /www/version %s
          CMD ["sh", "-c", "echo '%s'; exec httpd -f -v -p 80 -h /www"]
          """
              .formatted(
                  TestServices.BASE,
                  version,
                  healthy ? "&& echo ok > /www/up" : "",
                  startLine(version, healthy)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImageRef ref = repository.withTag(version);
    engine.build(BuildRequest.builder(ctx).tag(ref.toString()).build(), BuildListener.NONE);
    engine.push(ref, Optional.empty(), ProgressListener.NONE);
    pushed.add(version);
    return ref;
  }

  /** Removes the local images of the pushed versions (best effort; the registry keeps them). */
  public void removeLocal() {
    for (String version : pushed) {
      try {
        engine
            .inspectImage(repository.withTag(version).toString())
            .map(ImageDetails::id)
            .ifPresent(id -> engine.removeImage(id, true));
      } catch (RuntimeException e) {
        // still used by a container of another test, or already gone
      }
    }
  }
}
