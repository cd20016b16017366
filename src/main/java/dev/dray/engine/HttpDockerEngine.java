package dev.dray.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.dray.Secret;
import dev.dray.image.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DockerEngine} reached over the Engine HTTP API through docker-java's low-level
 * transport, at the API version negotiated when connecting.
 */
public final class HttpDockerEngine implements DockerEngine {
  private final EngineHttp http;
  private final ApiVersion apiVersion;
  private final EngineDtos.Version version;
  private final Optional<String> builderVersion;
  private final ContainerApi containers;

  private HttpDockerEngine(
      EngineHttp http,
      ApiVersion apiVersion,
      EngineDtos.Version version,
      Optional<String> builderVersion) {
    this.http = http;
    this.apiVersion = apiVersion;
    this.version = version;
    this.builderVersion = builderVersion;
    this.containers = new ContainerApi(http);
  }

  /**
   * Discovers an engine from the environment and connects to it.
   *
   * @throws EngineUnreachableException listing every endpoint tried
   */
  public static HttpDockerEngine connect() {
    return connect(EndpointDiscovery.standard().discover(System.getenv()));
  }

  /**
   * Connects to the engine at {@code endpoint} and negotiates the API version.
   *
   * @throws EngineUnreachableException when nothing answers there
   * @throws EngineVersionException when the engine's API range does not fit dray's
   */
  public static HttpDockerEngine connect(EngineEndpoint endpoint) {
    EngineHttp http = EngineHttp.unversioned(endpoint.uri(), Optional.empty());
    try {
      Optional<String> builderVersion;
      Optional<String> pingApiVersion;
      try (DockerHttpClient.Response ping = http.send("GET", "/_ping", Query.of())) {
        EngineHttp.requireSuccess("GET /_ping", ping);
        builderVersion = header(ping, "Builder-Version");
        pingApiVersion = header(ping, "API-Version");
      }
      EngineDtos.Version version =
          http.json("GET", "/version", Query.of(), EngineDtos.Version.class);
      String serverMax =
          Optional.ofNullable(version.apiVersion())
              .or(() -> pingApiVersion)
              .orElse(ApiVersion.MINIMUM.toString());
      ApiVersion chosen =
          ApiVersion.negotiate(
              ApiVersion.parse(Optional.ofNullable(version.minApiVersion()).orElse("1.12")),
              ApiVersion.parse(serverMax));
      return new HttpDockerEngine(http.at(chosen), chosen, version, builderVersion);
    } catch (EngineApiException e) {
      http.close();
      if (e.status() == 0) {
        throw new EngineUnreachableException(
            List.of(
                new EndpointAttempt(
                    endpoint.source(), Optional.of(endpoint.uri()), e.getMessage())));
      }
      throw e;
    } catch (RuntimeException e) {
      http.close();
      throw e;
    }
  }

  /** The API version negotiated with the engine. */
  public ApiVersion apiVersion() {
    return apiVersion;
  }

  @Override
  public EngineInfo info() {
    EngineDtos.Info info = http.json("GET", "/info", Query.of(), EngineDtos.Info.class);
    String os = Optional.ofNullable(info.osType()).orElse(version.os());
    return new EngineInfo(
        apiVersion,
        info.serverVersion(),
        os,
        Optional.ofNullable(version.arch()).orElse(info.architecture()),
        builderVersion.filter("2"::equals).isPresent()
            || ("linux".equals(os) && EngineRelease.atLeast(info.serverVersion(), 18, 9)),
        info.runtimes() == null ? java.util.Set.of() : info.runtimes().keySet(),
        info.dockerRootDir(),
        info.driver());
  }

  @Override
  public BuildResult build(BuildRequest request, BuildListener listener) {
    Path context = request.context();
    if (!Files.isDirectory(context)) {
      throw new BuildContextException(context, "not a directory", null);
    }
    if (!Files.isRegularFile(context.resolve(request.dockerfile()))) {
      throw new BuildContextException(context, "no " + request.dockerfile() + " in it", null);
    }
    ContextStream body;
    try {
      body = ContextStream.start(context, request.dockerfile());
    } catch (IOException e) {
      throw new BuildContextException(context, e.getMessage(), e);
    }
    try {
      return new BuildCall(http, request, listener).run(body);
    } catch (EngineApiException e) {
      Optional<IOException> failure = body.failure();
      if (failure.isPresent()) {
        throw new BuildContextException(
            context, String.valueOf(failure.get().getMessage()), failure.get());
      }
      throw e;
    } finally {
      closeQuietly(body);
    }
  }

  private static void closeQuietly(ContextStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // nothing left to read
    }
  }

  @Override
  public void tag(String source, ImageRef target) {
    String path = "/images/" + Query.pathPart(source) + "/tag";
    Query query = Query.of().add("repo", target.name()).add("tag", target.tagOrLatest());
    try (DockerHttpClient.Response response = http.send("POST", path, query)) {
      EngineHttp.requireSuccess("tag " + source + " as " + target, response);
    }
  }

  @Override
  public Optional<ImageDetails> inspectImage(String nameOrId) {
    String path = "/images/" + Query.pathPart(nameOrId) + "/json";
    try (DockerHttpClient.Response response = http.send("GET", path, Query.of())) {
      if (response.getStatusCode() == 404) {
        return Optional.empty();
      }
      EngineHttp.requireSuccess("inspect image " + nameOrId, response);
      return Optional.of(
          details(EngineHttp.JSON.readValue(response.getBody(), EngineDtos.ImageInspect.class)));
    } catch (IOException e) {
      throw new EngineApiException("inspect image " + nameOrId, 200, "unreadable answer", e);
    }
  }

  private static ImageDetails details(EngineDtos.ImageInspect dto) {
    Optional<Instant> created;
    try {
      created = Optional.ofNullable(dto.created()).map(Instant::parse);
    } catch (DateTimeParseException e) {
      created = Optional.empty();
    }
    return new ImageDetails(
        dto.id(),
        Optional.ofNullable(dto.repoTags()).orElse(List.of()),
        Optional.ofNullable(dto.repoDigests()).orElse(List.of()),
        Optional.ofNullable(dto.size()).orElse(0L),
        dto.rootFs() == null || dto.rootFs().layers() == null ? 0 : dto.rootFs().layers().size(),
        dto.config() == null || dto.config().labels() == null ? Map.of() : dto.config().labels(),
        created);
  }

  @Override
  public void removeImage(String nameOrId, boolean force) {
    String path = "/images/" + Query.pathPart(nameOrId);
    try (DockerHttpClient.Response response =
        http.send("DELETE", path, Query.of().add("force", force ? "1" : "0"))) {
      if (response.getStatusCode() != 404) {
        EngineHttp.requireSuccess("remove image " + nameOrId, response);
      }
    }
  }

  @Override
  public PushResult push(
      ImageRef ref, Optional<Secret> registryAuthJson, ProgressListener listener) {
    return new TransferCall(http, registryAuthJson).push(ref, listener);
  }

  @Override
  public void pull(ImageRef ref, Optional<Secret> registryAuthJson, ProgressListener listener) {
    new TransferCall(http, registryAuthJson).pull(ref, listener);
  }

  @Override
  public long pruneBuildCache() {
    EngineDtos.BuildPrune pruned =
        http.json(
            "POST", "/build/prune", Query.of().add("all", "true"), EngineDtos.BuildPrune.class);
    return pruned.spaceReclaimed() == null ? 0 : pruned.spaceReclaimed();
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    return containers.create(spec);
  }

  @Override
  public void startContainer(String idOrName) {
    containers.start(idOrName);
  }

  @Override
  public void stopContainer(String idOrName, Duration timeout) {
    containers.stop(idOrName, timeout);
  }

  @Override
  public void removeContainer(String idOrName, boolean force) {
    containers.remove(idOrName, force);
  }

  @Override
  public Optional<ContainerDetails> inspectContainer(String idOrName) {
    return containers.inspect(idOrName);
  }

  @Override
  public List<ContainerSummary> listContainers(Map<String, String> labels, boolean includeStopped) {
    return containers.list(labels, includeStopped);
  }

  @Override
  public List<String> containerLogs(String idOrName, int tail) {
    return containers.logs(idOrName, tail);
  }

  @Override
  public int waitContainer(String idOrName, Duration timeout) {
    return containers.await(idOrName, timeout);
  }

  @Override
  public void renameContainer(String idOrName, String newName) {
    containers.rename(idOrName, newName);
  }

  @Override
  public void close() {
    http.close();
  }

  private static Optional<String> header(DockerHttpClient.Response response, String name) {
    return response.getHeaders().entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .findFirst();
  }
}
