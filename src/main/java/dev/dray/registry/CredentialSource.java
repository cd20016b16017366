package dev.dray.registry;

import java.util.List;
import java.util.Optional;

/**
 * One place registry credentials may come from (environment, Docker config, a credential helper),
 * asked in order by {@link CredentialResolver}.
 */
public interface CredentialSource {
  /** What this source is, e.g. {@code env DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD}. */
  String describe();

  /** The credential this source holds for {@code registryHost}, if any. */
  default Optional<Credential> lookup(String registryHost) {
    return attempt(registryHost).credential();
  }

  /**
   * Looks {@code registryHost} up and says what was tried, one human-readable line per step, for
   * the resolver's list of attempts.
   */
  CredentialAttempt attempt(String registryHost);

  /**
   * What one source found for one host: the credential, where exactly it came from (e.g. {@code
   * /root/.docker/config.json auths[127.0.0.1:5001]}), and the lines saying what was tried.
   */
  record CredentialAttempt(Optional<Credential> credential, String origin, List<String> lines) {
    public CredentialAttempt {
      lines = List.copyOf(lines);
    }

    /** Found at {@code origin}, after the {@code earlier} lines; adds the line "origin: found". */
    public static CredentialAttempt found(
        Credential credential, String origin, List<String> earlier) {
      List<String> lines = new java.util.ArrayList<>(earlier);
      lines.add(origin + ": found");
      return new CredentialAttempt(Optional.of(credential), origin, lines);
    }

    public static CredentialAttempt missing(List<String> lines) {
      return new CredentialAttempt(Optional.empty(), "none", lines);
    }
  }
}
