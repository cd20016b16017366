package dev.dray.registry;

/** What a registry's token service answered: a token, or a refusal with its reason. */
sealed interface TokenOutcome {
  record Issued(BearerToken token) implements TokenOutcome {}

  /** The token service refused or answered nonsense; {@code reason} never contains a secret. */
  record Refused(String reason) implements TokenOutcome {}
}
