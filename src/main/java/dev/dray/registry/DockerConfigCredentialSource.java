package dev.dray.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials the Docker CLI stored: in {@code $DOCKER_CONFIG/config.json} (or {@code
 * ~/.docker/config.json}), asked in the order {@code credHelpers[host]}, {@code credsStore}, then
 * {@code auths[host]}.
 */
public final class DockerConfigCredentialSource implements CredentialSource {
  private final Map<String, String> env;
  private final Path configFile;
  private final ProcessRunner processes;

  public DockerConfigCredentialSource(Map<String, String> env, Path home, ProcessRunner processes) {
    this.env = Map.copyOf(env);
    this.processes = processes;
    String dockerConfig = env.get("DOCKER_CONFIG");
    this.configFile =
        dockerConfig == null || dockerConfig.isBlank()
            ? home.resolve(".docker").resolve("config.json")
            : Path.of(dockerConfig).resolve("config.json");
  }

  /** The config.json this source reads. */
  public Path configFile() {
    return configFile;
  }

  @Override
  public String describe() {
    return configFile.toString();
  }

  @Override
  public CredentialAttempt attempt(String registryHost) {
    Optional<DockerConfigFile> read;
    try {
      read = DockerConfigFile.read(configFile);
    } catch (DockerConfigFile.UnreadableException e) {
      return CredentialAttempt.missing(List.of(describe() + ": " + e.getMessage()));
    }
    if (read.isEmpty()) {
      return CredentialAttempt.missing(List.of(describe() + ": not found"));
    }
    DockerConfigFile config = read.get();
    List<String> lines = new ArrayList<>();
    String serverAddress = RegistryHosts.serverAddress(registryHost);
    String helperName = config.credHelpers().get(registryHost);
    if (helperName != null && !helperName.isBlank()) {
      CredentialAttempt attempt = helper(helperName).get(serverAddress, lines);
      if (attempt.credential().isPresent()) {
        return attempt;
      }
      lines = new ArrayList<>(attempt.lines());
    }
    if (config.credsStore().isPresent()) {
      CredentialAttempt attempt = helper(config.credsStore().get()).get(serverAddress, lines);
      if (attempt.credential().isPresent()) {
        return attempt;
      }
      lines = new ArrayList<>(attempt.lines());
    }
    String origin = describe() + " auths[" + registryHost + "]";
    JsonNode entry = config.auths().get(registryHost);
    if (entry == null) {
      lines.add(origin + ": not found");
      return CredentialAttempt.missing(lines);
    }
    Optional<Credential> credential = DockerConfigFile.credentialOf(entry);
    if (credential.isEmpty()) {
      lines.add(origin + ": no usable auth or identitytoken");
      return CredentialAttempt.missing(lines);
    }
    return CredentialAttempt.found(credential.get(), origin, lines);
  }

  private CredentialHelperProcess helper(String name) {
    return new CredentialHelperProcess(name, env, processes);
  }
}
