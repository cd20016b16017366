package dev.dray.engine;

import dev.dray.Secret;
import dev.dray.image.ImageRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Docker Engine that builds with BuildKit, tags, inspects, removes, pushes and pulls images, and
 * runs containers. The seam between dray and a Docker host; methods block until the engine is done.
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

  /**
   * Creates a container (not started) and returns its ID. The image must be on the host already.
   *
   * @throws ContainerNameConflictException when a container with the name exists
   * @throws ImageNotFoundLocallyException when the image is not on the host
   * @throws ContainerCreateFailedException when the engine refuses the spec for another reason
   */
  String createContainer(ContainerSpec spec);

  /**
   * Starts a container; one that is running already is not an error.
   *
   * @throws ContainerNotFoundException when there is no such container
   * @throws ContainerStartFailedException when the engine cannot start it
   */
  void startContainer(String idOrName);

  /**
   * Stops a container: SIGTERM (or the image's stop signal), then SIGKILL after {@code timeout}
   * (rounded up to whole seconds). A container that is not running or does not exist is fine.
   */
  void stopContainer(String idOrName, Duration timeout);

  /**
   * Removes a container, keeping its volumes; {@code force} kills it first if it runs. A container
   * that does not exist is not an error.
   */
  void removeContainer(String idOrName, boolean force);

  /** The container by name or ID, or empty when there is none. */
  Optional<ContainerDetails> inspectContainer(String idOrName);

  /**
   * The containers carrying every one of {@code labels} (all containers when empty); stopped ones
   * too when {@code includeStopped}.
   */
  List<ContainerSummary> listContainers(Map<String, String> labels, boolean includeStopped);

  /**
   * The last {@code tail} lines a container wrote to stdout and stderr, in order (every line when
   * {@code tail} is negative).
   *
   * @throws ContainerNotFoundException when there is no such container
   */
  List<String> containerLogs(String idOrName, int tail);

  /**
   * Waits until a container is not running and returns its exit code; returns at once for one that
   * has exited already or was never started.
   *
   * @throws ContainerWaitTimeoutException when it still runs after {@code timeout} (it keeps
   *     running)
   * @throws ContainerNotFoundException when there is no such container
   */
  int waitContainer(String idOrName, Duration timeout);

  /**
   * Renames a container.
   *
   * @throws ContainerNotFoundException when there is no such container
   * @throws ContainerNameConflictException when {@code newName} is taken
   */
  void renameContainer(String idOrName, String newName);

  @Override
  void close();
}
