package dev.dray.store;

import java.util.Optional;

/**
 * The API tokens of {@code dray server}, by name, as hashes: the store can tell whether a presented
 * token is right without ever holding one.
 */
public interface ApiTokens {

  /**
   * Keeps {@code token} unless a token of that name exists, atomically across processes: of two
   * servers starting at once on a fresh store, exactly one creates the token.
   *
   * @return whether {@code token} was kept
   */
  boolean createIfAbsent(ApiTokenRecord token);

  /** Keeps {@code token}, replacing any token of the same name: the old one stops working. */
  void replace(ApiTokenRecord token);

  /** The token named {@code name}, if there is one. */
  Optional<ApiTokenRecord> find(String name);
}
