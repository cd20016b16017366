package dev.dray.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Engine API's container calls (create, start, stop, remove, inspect, list, logs, wait,
 * rename), with the engine's statuses turned into results or typed exceptions.
 */
final class ContainerApi {
  private static final Map<String, String> JSON_BODY = Map.of("Content-Type", "application/json");
  private static final String REDACTED = "******";

  private final EngineHttp http;

  ContainerApi(EngineHttp http) {
    this.http = http;
  }

  String create(ContainerSpec spec) {
    List<String> secrets = ContainerCreateBody.secretValues(spec);
    try (DockerHttpClient.Response response =
        http.send(
            "POST",
            "/containers/create",
            Query.of().add("name", spec.name()),
            JSON_BODY,
            Optional.of(new ByteArrayInputStream(ContainerCreateBody.json(spec))))) {
      int status = response.getStatusCode();
      if (status == 200 || status == 201) {
        return EngineHttp.JSON.readValue(response.getBody(), ContainerDtos.Created.class).id();
      }
      String message = scrub(EngineHttp.errorMessage(response), secrets);
      if (status == 409) {
        throw new ContainerNameConflictException(spec.name(), message);
      }
      if (status == 404 && message.toLowerCase(Locale.ROOT).contains("no such image")) {
        throw new ImageNotFoundLocallyException(spec.image(), message);
      }
      throw new ContainerCreateFailedException(spec.name(), status, message);
    } catch (IOException e) {
      throw new EngineApiException(
          "create container " + spec.name(),
          201,
          "unreadable answer: " + EngineHttp.describe(e),
          e);
    }
  }

  void start(String container) {
    try (DockerHttpClient.Response response =
        http.send("POST", path(container, "/start"), Query.of())) {
      int status = response.getStatusCode();
      if (status == 404) {
        throw new ContainerNotFoundException(container, "start");
      }
      if (status != 204 && status != 304 && status != 200) {
        throw new ContainerStartFailedException(container, EngineHttp.errorMessage(response));
      }
    }
  }

  void stop(String container, Duration timeout) {
    try (DockerHttpClient.Response response =
        http.send(
            "POST",
            path(container, "/stop"),
            Query.of().add("t", Long.toString(ContainerCreateBody.seconds(timeout))))) {
      int status = response.getStatusCode();
      if (status != 304 && status != 404) {
        EngineHttp.requireSuccess("stop container " + container, response);
      }
    }
  }

  void remove(String container, boolean force) {
    Query query = Query.of().add("force", Boolean.toString(force)).add("v", "false");
    try (DockerHttpClient.Response response = http.send("DELETE", path(container, ""), query)) {
      if (response.getStatusCode() != 404) {
        EngineHttp.requireSuccess("remove container " + container, response);
      }
    }
  }

  Optional<ContainerDetails> inspect(String container) {
    return inspectAnswer(container).map(ContainerAnswers::details);
  }

  private Optional<ContainerDtos.Inspect> inspectAnswer(String container) {
    try (DockerHttpClient.Response response =
        http.send("GET", path(container, "/json"), Query.of())) {
      if (response.getStatusCode() == 404) {
        return Optional.empty();
      }
      EngineHttp.requireSuccess("inspect container " + container, response);
      return Optional.of(
          EngineHttp.JSON.readValue(response.getBody(), ContainerDtos.Inspect.class));
    } catch (IOException e) {
      throw new EngineApiException(
          "inspect container " + container, 200, "unreadable answer: " + EngineHttp.describe(e), e);
    }
  }

  List<ContainerSummary> list(Map<String, String> labels, boolean includeStopped) {
    Query query = Query.of().add("all", includeStopped ? "1" : "0");
    if (!labels.isEmpty()) {
      List<String> filters =
          new TreeMap<>(labels)
              .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
      query.add("filters", json(Map.of("label", filters)));
    }
    ContainerDtos.Listed[] listed =
        http.json("GET", "/containers/json", query, ContainerDtos.Listed[].class);
    return Arrays.stream(listed).map(ContainerAnswers::summary).toList();
  }

  List<String> logs(String container, int tail) {
    ContainerDtos.Inspect inspected =
        inspectAnswer(container)
            .orElseThrow(() -> new ContainerNotFoundException(container, "read the logs of"));
    boolean tty = inspected.config() != null && Boolean.TRUE.equals(inspected.config().tty());
    Query query =
        Query.of()
            .add("stdout", "1")
            .add("stderr", "1")
            .add("tail", tail < 0 ? "all" : Integer.toString(tail));
    try (DockerHttpClient.Response response = http.send("GET", path(container, "/logs"), query)) {
      if (response.getStatusCode() == 404) {
        throw new ContainerNotFoundException(container, "read the logs of");
      }
      EngineHttp.requireSuccess("read the logs of container " + container, response);
      return LogDemultiplexer.lines(response.getBody(), tty, tail);
    } catch (IOException e) {
      throw new EngineApiException(
          "read the logs of container " + container,
          200,
          "unreadable answer: " + EngineHttp.describe(e),
          e);
    }
  }

  int await(String container, Duration timeout) {
    AtomicBoolean timedOut = new AtomicBoolean();
    try (DockerHttpClient.Response response =
        http.send("POST", path(container, "/wait"), Query.of().add("condition", "not-running"))) {
      if (response.getStatusCode() == 404) {
        throw new ContainerNotFoundException(container, "wait for");
      }
      EngineHttp.requireSuccess("wait for container " + container, response);
      CompletableFuture<Void> watchdog =
          CompletableFuture.runAsync(
              () -> {
                timedOut.set(true);
                response.close();
              },
              CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS));
      ContainerDtos.WaitResult result;
      try {
        result = EngineHttp.JSON.readValue(response.getBody(), ContainerDtos.WaitResult.class);
      } catch (IOException | RuntimeException e) {
        if (timedOut.get()) {
          throw new ContainerWaitTimeoutException(container, timeout);
        }
        throw new EngineApiException(
            "wait for container " + container,
            200,
            "the answer broke off: " + EngineHttp.describe(e),
            e);
      } finally {
        watchdog.cancel(false);
      }
      if (result.error() != null && result.error().message() != null) {
        throw new EngineApiException(
            "wait for container " + container, 200, result.error().message());
      }
      if (result.statusCode() == null) {
        throw new EngineApiException(
            "wait for container " + container, 200, "the answer has no exit code");
      }
      return result.statusCode().intValue();
    }
  }

  void rename(String container, String newName) {
    try (DockerHttpClient.Response response =
        http.send("POST", path(container, "/rename"), Query.of().add("name", newName))) {
      int status = response.getStatusCode();
      if (status == 404) {
        throw new ContainerNotFoundException(container, "rename");
      }
      if (status == 409) {
        throw new ContainerNameConflictException(newName, EngineHttp.errorMessage(response));
      }
      EngineHttp.requireSuccess("rename container " + container + " to " + newName, response);
    }
  }

  private static String path(String container, String suffix) {
    if (container.isBlank()) {
      throw new IllegalArgumentException("a container name or ID is required");
    }
    return "/containers/" + Query.pathPart(container) + suffix;
  }

  /** The message with every secret value replaced, so it can be shown and logged. */
  static String scrub(String message, List<String> secrets) {
    String scrubbed = message;
    for (String secret : secrets) {
      scrubbed = scrubbed.replace(secret, REDACTED);
    }
    return scrubbed;
  }

  private static String json(Object value) {
    try {
      return EngineHttp.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
