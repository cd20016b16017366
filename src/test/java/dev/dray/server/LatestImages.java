package dev.dray.server;

import dev.dray.deploy.TestServices;
import dev.dray.engine.BuildListener;
import dev.dray.engine.BuildRequest;
import dev.dray.engine.DockerEngine;
import dev.dray.engine.ImageDetails;
import dev.dray.engine.ProgressListener;
import dev.dray.image.Digest;
import dev.dray.image.ImageRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * New images of a tiny web app pushed under one tag, as CI pushes {@code latest}: busybox httpd
 * answering {@code /version} with the version it was built as, and {@code /up}.
 */
final class LatestImages {
  private final DockerEngine engine;
  private final ImageRef tag;
  private final Path work;
  private final Set<String> built = new LinkedHashSet<>();

  /**
   * @param tag the image and tag pushed, such as {@code 127.0.0.1:5000/acme/web:latest}
   * @param work where build contexts are written
   */
  LatestImages(DockerEngine engine, ImageRef tag, Path work) {
    this.engine = engine;
    this.tag = tag;
    this.work = work;
  }

  /** Builds the app answering {@code version}, tags it and pushes it; the digest pushed. */
  Digest push(String version) {
    Path context;
    try {
      context = Files.createDirectories(work.resolve("image-" + version));
      Files.writeString(
          context.resolve("Dockerfile"),
          """
          FROM %s
          RUN mkdir -p /www && echo %s > /www/version && echo ok > /www/up
          CMD ["sh", "-c", "echo 'version %s starting'; exec httpd -f -v -p 80 -h /www"]
          """
              .formatted(TestServices.BASE, version, version));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    engine.build(BuildRequest.builder(context).tag(tag.toString()).build(), BuildListener.NONE);
    engine.inspectImage(tag.toString()).map(ImageDetails::id).ifPresent(built::add);
    return pushAgain();
  }

  /** Pushes what the tag names locally once more: the same digest. */
  Digest pushAgain() {
    return engine.push(tag, Optional.empty(), ProgressListener.NONE).digest();
  }

  /** Removes the local images built (best effort; the registry keeps them). */
  void removeLocal() {
    for (String id : built) {
      try {
        engine.removeImage(id, true);
      } catch (RuntimeException e) {
        // still used, or already gone
      }
    }
  }
}
