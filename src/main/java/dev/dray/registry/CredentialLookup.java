package dev.dray.registry;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of resolving credentials for one registry host: the credential found (if any), the
 * source it came from, and every attempt made, for error messages.
 */
public record CredentialLookup(
    Optional<Credential> credential, String source, List<String> attempts) {
  public CredentialLookup {
    attempts = List.copyOf(attempts);
  }

  /** A lookup that found nothing, with the given attempts. */
  public static CredentialLookup none(List<String> attempts) {
    return new CredentialLookup(Optional.empty(), "none", attempts);
  }
}
