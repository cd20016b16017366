package dev.dray.build;

import dev.dray.Secret;
import dev.dray.engine.BuildListener;
import dev.dray.engine.BuildRequest;
import dev.dray.engine.BuildResult;
import dev.dray.engine.ContainerDetails;
import dev.dray.engine.ContainerSpec;
import dev.dray.engine.ContainerSummary;
import dev.dray.engine.DockerEngine;
import dev.dray.engine.EngineAuthException;
import dev.dray.engine.EngineInfo;
import dev.dray.engine.ImageDetails;
import dev.dray.engine.ProgressListener;
import dev.dray.engine.PushFailedException;
import dev.dray.engine.PushResult;
import dev.dray.engine.Vertex;
import dev.dray.image.Digest;
import dev.dray.image.ImageRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Docker engine that plays a script, for faults a real engine cannot produce on demand: each
 * build pass answers with given vertices, pushes fail as told.
 */
final class ScriptedEngine implements DockerEngine {
  final List<BuildRequest> builds = new ArrayList<>();
  final List<String> pushes = new ArrayList<>();
  final List<Optional<Secret>> pushAuth = new ArrayList<>();
  final Map<String, List<Vertex>> verticesByTarget = new HashMap<>();
  final Deque<RuntimeException> pushFailures = new ArrayDeque<>();
  final List<Vertex> extraVertices = new ArrayList<>();
  long imageSize = 1_000_000;
  int imageLayers = 5;

  /** Stage {@code stage}'s pass shows one step per entry of {@code cached}. */
  ScriptedEngine pass(String stage, boolean... cached) {
    List<Vertex> vertices = new ArrayList<>();
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    vertices.add(vertex("from-" + stage, "[" + stage + " 1/3] FROM base", false, t));
    for (int i = 0; i < cached.length; i++) {
      vertices.add(
          vertex(stage + i, "[" + stage + " " + (i + 2) + "/3] RUN step " + i, cached[i], t));
    }
    verticesByTarget.put(stage, vertices);
    return this;
  }

  static Vertex vertex(String digest, String name, boolean cached, Instant t) {
    return new Vertex(
        digest,
        List.of(),
        name,
        cached,
        Optional.of(t),
        Optional.of(t.plusSeconds(cached ? 0 : 2)),
        Optional.empty());
  }

  static PushFailedException transientPushFailure(String ref) {
    return new PushFailedException(ImageRef.parse(ref), "connection reset by peer", true);
  }

  static EngineAuthException unauthorized(String ref) {
    return new EngineAuthException(
        ImageRef.parse(ref), "push", "unauthorized: authentication required");
  }

  @Override
  public BuildResult build(BuildRequest request, BuildListener listener) {
    builds.add(request);
    String target = request.target().orElseThrow();
    List<Vertex> vertices = new ArrayList<>(extraVertices);
    vertices.addAll(verticesByTarget.getOrDefault(target, List.of()));
    vertices.forEach(listener::vertexChanged);
    return new BuildResult("sha256:" + "a".repeat(64), vertices);
  }

  @Override
  public PushResult push(ImageRef ref, Optional<Secret> auth, ProgressListener listener) {
    pushes.add(ref.toString());
    pushAuth.add(auth);
    if (!pushFailures.isEmpty()) {
      throw pushFailures.pop();
    }
    return new PushResult(Digest.of("sha256:" + "b".repeat(64)), 1234);
  }

  @Override
  public Optional<ImageDetails> inspectImage(String nameOrId) {
    return Optional.of(
        new ImageDetails(
            nameOrId, List.of(), List.of(), imageSize, imageLayers, Map.of(), Optional.empty()));
  }

  @Override
  public EngineInfo info() {
    throw new AssertionError("not scripted");
  }

  @Override
  public void tag(String source, ImageRef target) {}

  @Override
  public void removeImage(String nameOrId, boolean force) {}

  @Override
  public void pull(ImageRef ref, Optional<Secret> auth, ProgressListener listener) {}

  @Override
  public long pruneBuildCache() {
    return 0;
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    throw new AssertionError("not scripted");
  }

  @Override
  public void startContainer(String idOrName) {
    throw new AssertionError("not scripted");
  }

  @Override
  public void stopContainer(String idOrName, Duration timeout) {
    throw new AssertionError("not scripted");
  }

  @Override
  public void removeContainer(String idOrName, boolean force) {
    throw new AssertionError("not scripted");
  }

  @Override
  public Optional<ContainerDetails> inspectContainer(String idOrName) {
    throw new AssertionError("not scripted");
  }

  @Override
  public List<ContainerSummary> listContainers(Map<String, String> labels, boolean includeStopped) {
    throw new AssertionError("not scripted");
  }

  @Override
  public List<String> containerLogs(String idOrName, int tail) {
    throw new AssertionError("not scripted");
  }

  @Override
  public int waitContainer(String idOrName, Duration timeout) {
    throw new AssertionError("not scripted");
  }

  @Override
  public void renameContainer(String idOrName, String newName) {
    throw new AssertionError("not scripted");
  }

  @Override
  public void close() {}
}
