package dev.dray.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Wire DTOs of the Engine API answers dray reads; unknown fields are ignored. */
final class EngineDtos {
  private EngineDtos() {}

  /** {@code GET /version}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Version(
      @JsonProperty("Version") String version,
      @JsonProperty("ApiVersion") String apiVersion,
      @JsonProperty("MinAPIVersion") String minApiVersion,
      @JsonProperty("Os") String os,
      @JsonProperty("Arch") String arch) {}

  /** {@code GET /info}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Info(
      @JsonProperty("ServerVersion") String serverVersion,
      @JsonProperty("OSType") String osType,
      @JsonProperty("Architecture") String architecture,
      @JsonProperty("Runtimes") Map<String, Object> runtimes,
      @JsonProperty("DockerRootDir") String dockerRootDir,
      @JsonProperty("Driver") String driver) {}

  /** {@code GET /images/{name}/json}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ImageInspect(
      @JsonProperty("Id") String id,
      @JsonProperty("RepoTags") List<String> repoTags,
      @JsonProperty("RepoDigests") List<String> repoDigests,
      @JsonProperty("Size") Long size,
      @JsonProperty("Created") String created,
      @JsonProperty("RootFS") RootFs rootFs,
      @JsonProperty("Config") Config config) {}

  /** The layers part of an image inspection. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RootFs(@JsonProperty("Layers") List<String> layers) {}

  /** The config part of an image inspection. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Config(@JsonProperty("Labels") Map<String, String> labels) {}

  /** {@code POST /build/prune}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record BuildPrune(@JsonProperty("SpaceReclaimed") Long spaceReclaimed) {}
}
