package dev.dray.registry;

import dev.dray.registry.CredentialSource.CredentialAttempt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds credentials for a registry host by asking an ordered list of {@link CredentialSource}s; the
 * first that has one wins, and every attempt is recorded.
 */
public final class CredentialResolver {
  private final List<CredentialSource> sources;

  public CredentialResolver(List<CredentialSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /**
   * The standard order: {@code DRAY_REGISTRY_*} environment variables, then the Docker config
   * (credential helpers, credsStore, auths).
   */
  public static CredentialResolver standard(
      Map<String, String> env, Path home, ProcessRunner processes) {
    return new CredentialResolver(
        List.of(
            new EnvCredentialSource(env), new DockerConfigCredentialSource(env, home, processes)));
  }

  /** The standard order on this process's environment and home directory. */
  public static CredentialResolver system() {
    return standard(
        System.getenv(), Path.of(System.getProperty("user.home")), new SystemProcessRunner());
  }

  /** A resolver that never finds credentials (anonymous access). */
  public static CredentialResolver anonymous() {
    return new CredentialResolver(List.of());
  }

  public List<CredentialSource> sources() {
    return sources;
  }

  /** Asks each source in order for credentials for {@code registryHost}. */
  public CredentialLookup resolve(String registryHost) {
    String host = RegistryHosts.normalize(registryHost);
    List<String> attempts = new ArrayList<>();
    for (CredentialSource source : sources) {
      CredentialAttempt attempt;
      try {
        attempt = source.attempt(host);
      } catch (RuntimeException e) {
        attempts.add(source.describe() + ": failed: " + e.getMessage());
        continue;
      }
      attempts.addAll(attempt.lines());
      if (attempt.credential().isPresent()) {
        return new CredentialLookup(attempt.credential(), attempt.origin(), attempts);
      }
    }
    return CredentialLookup.none(attempts);
  }
}
