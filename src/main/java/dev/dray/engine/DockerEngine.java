package dev.dray.engine;

import dev.dray.Secret;
import dev.dray.image.ImageRef;
import java.util.Optional;

/**
 * A Docker Engine that builds with BuildKit, tags, inspects, removes, pushes and pulls images. The
 * seam between dray and a Docker host; methods block until the engine is done.
 *
 * <p>Registry credentials are passed as the auth JSON the engine expects ({@code
 * {"username":…,"password":…,"serveraddress":…}} or {@code {"identitytoken":…}}).
 */
public interface DockerEngine extends AutoCloseable {

  /** The engine's version, platform, BuildKit support, runtimes and storage. */
  EngineInfo info();

  /**
   * Builds with BuildKit, reporting progress to {@code listener} as it arrives.
   *
   * @throws BuildFailedException when a step fails
   * @throws BuildContextException when the context cannot be read
   */
  BuildResult build(BuildRequest request, BuildListener listener);

  /** Tags the local image {@code source} (name or ID) as {@code target}. */
  void tag(String source, ImageRef target);

  /** The local image by name or ID, or empty when there is none. */
  Optional<ImageDetails> inspectImage(String nameOrId);

  /** Removes a local image; an image that does not exist is not an error. */
  void removeImage(String nameOrId, boolean force);

  /**
   * Pushes {@code ref} (its tag, or {@code latest}) to its registry.
   *
   * @throws EngineAuthException when the registry refuses the credentials
   * @throws PushFailedException for any other failure
   */
  PushResult push(ImageRef ref, Optional<Secret> registryAuthJson, ProgressListener listener);

  /**
   * Pulls {@code ref} (its digest, else its tag, else {@code latest}).
   *
   * @throws EngineAuthException when the registry refuses the credentials
   * @throws PullFailedException for any other failure
   */
  void pull(ImageRef ref, Optional<Secret> registryAuthJson, ProgressListener listener);

  /** Removes all BuildKit cache not in use and returns the bytes reclaimed. */
  long pruneBuildCache();

  @Override
  void close();
}
