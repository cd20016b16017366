package dev.dray.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dray.Secret;
import dev.dray.registry.CredentialSource.CredentialAttempt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Docker credential helper program ({@code docker-credential-<name>}), found on the {@code PATH}
 * of the given environment and asked with {@code get} and the server address on stdin.
 */
final class CredentialHelperProcess {
  static final String TOKEN_USERNAME = "<token>";
  private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String program;
  private final Map<String, String> env;
  private final ProcessRunner processes;

  CredentialHelperProcess(String name, Map<String, String> env, ProcessRunner processes) {
    this.program = "docker-credential-" + name;
    this.env = env;
    this.processes = processes;
  }

  String describe() {
    return "credential helper " + program;
  }

  /** Asks the helper for {@code serverAddress}; the attempt's lines never contain the secret. */
  CredentialAttempt get(String serverAddress, List<String> earlier) {
    Optional<Path> executable = find();
    if (executable.isEmpty()) {
      return missing(earlier, "not installed (not on PATH)");
    }
    ProcessRunner.ProcessResult result;
    try {
      result =
          processes.run(
              List.of(executable.get().toString(), "get"), env, serverAddress + "\n", TIMEOUT);
    } catch (IOException e) {
      return missing(earlier, "failed to run: " + e.getMessage());
    }
    if (result.exitCode() != 0) {
      String said = firstLine(result.stdout() + "\n" + result.stderr());
      if (said.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
        return missing(earlier, "no credentials for " + serverAddress);
      }
      return missing(earlier, "failed (exit " + result.exitCode() + "): " + said);
    }
    Optional<Credential> credential = parse(result.stdout());
    if (credential.isEmpty()) {
      return missing(earlier, "answered without Username/Secret for " + serverAddress);
    }
    return CredentialAttempt.found(credential.get(), describe() + " for " + serverAddress, earlier);
  }

  private Optional<Path> find() {
    String path = env.getOrDefault("PATH", DEFAULT_PATH);
    for (String dir : path.split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Optional<Credential> parse(String stdout) {
    JsonNode node;
    try {
      node = JSON.readTree(stdout);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (node == null) {
      return Optional.empty();
    }
    String username = node.path("Username").asText("");
    String secret = node.path("Secret").asText("");
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    if (username.equals(TOKEN_USERNAME)) {
      return Optional.of(new Credential.IdentityToken(Secret.of(secret)));
    }
    if (username.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Credential.Basic(username, Secret.of(secret)));
  }

  private CredentialAttempt missing(List<String> earlier, String why) {
    List<String> lines = new java.util.ArrayList<>(earlier);
    lines.add(describe() + ": " + why);
    return CredentialAttempt.missing(lines);
  }

  private static String firstLine(String text) {
    String trimmed = text.strip();
    int newline = trimmed.indexOf('\n');
    String line = newline >= 0 ? trimmed.substring(0, newline) : trimmed;
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
