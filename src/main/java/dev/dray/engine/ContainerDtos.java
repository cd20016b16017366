package dev.dray.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Wire DTOs of the Engine API's container requests and answers; unknown fields of answers are
 * ignored, absent fields of requests are left out.
 */
final class ContainerDtos {
  private ContainerDtos() {}

  /**
   * The body of {@code POST /containers/create}. {@code Env} holds revealed secrets: this object is
   * serialised for the engine and never shown, so its {@code toString} leaves the values out.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Create(
      @JsonProperty("Image") String image,
      @JsonProperty("Cmd") List<String> cmd,
      @JsonProperty("Env") List<String> env,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("ExposedPorts") Map<String, Map<String, Object>> exposedPorts,
      @JsonProperty("Healthcheck") Healthcheck healthcheck,
      @JsonProperty("StopTimeout") Long stopTimeout,
      @JsonProperty("HostConfig") HostConfig hostConfig) {

    @Override
    public String toString() {
      return "Create[Image=" + image + ", " + env.size() + " environment variables]";
    }
  }

  /** A health check in a create body; durations in nanoseconds. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Healthcheck(
      @JsonProperty("Test") List<String> test,
      @JsonProperty("Interval") Long interval,
      @JsonProperty("Timeout") Long timeout,
      @JsonProperty("Retries") Integer retries,
      @JsonProperty("StartPeriod") Long startPeriod) {}

  /** The host side of a create body. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record HostConfig(
      @JsonProperty("Binds") List<String> binds,
      @JsonProperty("PortBindings") Map<String, List<PortBinding>> portBindings,
      @JsonProperty("DeviceRequests") List<DeviceRequest> deviceRequests,
      @JsonProperty("Devices") List<Device> devices,
      @JsonProperty("RestartPolicy") RestartPolicy restartPolicy,
      @JsonProperty("Init") Boolean init) {}

  /** Where a container port is (to be) published; an empty host port lets the engine pick. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PortBinding(
      @JsonProperty("HostIp") String hostIp, @JsonProperty("HostPort") String hostPort) {}

  /** A request for devices from a driver, such as NVIDIA GPUs ({@code Count} -1 for all). */
  record DeviceRequest(
      @JsonProperty("Driver") String driver,
      @JsonProperty("Count") int count,
      @JsonProperty("Capabilities") List<List<String>> capabilities) {}

  /** A host device node mapped into the container. */
  record Device(
      @JsonProperty("PathOnHost") String pathOnHost,
      @JsonProperty("PathInContainer") String pathInContainer,
      @JsonProperty("CgroupPermissions") String cgroupPermissions) {}

  /** When the engine restarts the container. */
  record RestartPolicy(
      @JsonProperty("Name") String name,
      @JsonProperty("MaximumRetryCount") int maximumRetryCount) {}

  /** The answer of {@code POST /containers/create}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Created(@JsonProperty("Id") String id, @JsonProperty("Warnings") List<String> warnings) {}

  /** {@code GET /containers/{id}/json}; the config's {@code Env} is deliberately not read. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Inspect(
      @JsonProperty("Id") String id,
      @JsonProperty("Name") String name,
      @JsonProperty("Image") String image,
      @JsonProperty("Config") InspectConfig config,
      @JsonProperty("State") State state,
      @JsonProperty("RestartCount") Integer restartCount,
      @JsonProperty("NetworkSettings") NetworkSettings networkSettings) {}

  /** The parts of a container's config dray reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record InspectConfig(
      @JsonProperty("Image") String image,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("Tty") Boolean tty) {}

  /** A container's state. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record State(
      @JsonProperty("Status") String status,
      @JsonProperty("Running") Boolean running,
      @JsonProperty("ExitCode") Integer exitCode,
      @JsonProperty("OOMKilled") Boolean oomKilled,
      @JsonProperty("Error") String error,
      @JsonProperty("StartedAt") String startedAt,
      @JsonProperty("FinishedAt") String finishedAt,
      @JsonProperty("Health") Health health) {}

  /** A container's health check state. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Health(@JsonProperty("Status") String status, @JsonProperty("Log") List<Probe> log) {}

  /** One health probe's result. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Probe(@JsonProperty("ExitCode") Integer exitCode, @JsonProperty("Output") String output) {}

  /** A container's network settings; only the published ports are read. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record NetworkSettings(@JsonProperty("Ports") Map<String, List<PortBinding>> ports) {}

  /** One entry of {@code GET /containers/json}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Listed(
      @JsonProperty("Id") String id,
      @JsonProperty("Names") List<String> names,
      @JsonProperty("Image") String image,
      @JsonProperty("ImageID") String imageId,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("State") String state,
      @JsonProperty("Created") Long created) {}

  /** The answer of {@code POST /containers/{id}/wait}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record WaitResult(
      @JsonProperty("StatusCode") Long statusCode, @JsonProperty("Error") WaitError error) {}

  /** Why waiting for a container failed. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record WaitError(@JsonProperty("Message") String message) {}
}
