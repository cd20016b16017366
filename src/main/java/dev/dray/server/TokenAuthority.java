package dev.dray.server;

import dev.dray.Secret;
import dev.dray.store.ApiTokenRecord;
import dev.dray.store.ApiTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Makes and checks the API token of {@code dray server}: 32 random bytes in base64url, of which the
 * store keeps only the SHA-256, so the token can be shown once and never again.
 *
 * <p>Every check reads the store, so a token rotated by another process ({@code dray server token})
 * takes effect at once in a running server.
 */
public final class TokenAuthority {
  private static final int TOKEN_BYTES = 32;

  private final ApiTokens tokens;
  private final SecureRandom random;
  private final Clock clock;

  public TokenAuthority(ApiTokens tokens, SecureRandom random, Clock clock) {
    this.tokens = tokens;
    this.random = random;
    this.clock = clock;
  }

  /** A token authority over {@code tokens} with a strong random source and the system clock. */
  public static TokenAuthority of(ApiTokens tokens) {
    return new TokenAuthority(tokens, new SecureRandom(), Clock.systemUTC());
  }

  /**
   * Makes the token when the store has none (the server's first start).
   *
   * @return the new token, to show once; empty when a token already existed
   */
  public Optional<Secret> createIfMissing() {
    if (tokens.find(ApiTokenRecord.DEFAULT).isPresent()) {
      return Optional.empty();
    }
    Secret token = newToken();
    boolean created = tokens.createIfAbsent(recordOf(token));
    return created ? Optional.of(token) : Optional.empty();
  }

  /** Makes a new token that replaces the old one, which stops working at once. */
  public Secret rotate() {
    Secret token = newToken();
    tokens.replace(recordOf(token));
    return token;
  }

  /** Whether {@code presented} is the current token; compared in constant time, by hash. */
  public boolean accepts(String presented) {
    if (presented == null || presented.isEmpty()) {
      return false;
    }
    Optional<ApiTokenRecord> current = tokens.find(ApiTokenRecord.DEFAULT);
    if (current.isEmpty()) {
      return false;
    }
    byte[] expected = current.get().sha256().getBytes(StandardCharsets.US_ASCII);
    byte[] actual = sha256Hex(presented).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual);
  }

  private Secret newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  private ApiTokenRecord recordOf(Secret token) {
    return new ApiTokenRecord(ApiTokenRecord.DEFAULT, sha256Hex(token.reveal()), clock.instant());
  }

  /** The SHA-256 of {@code text} (UTF-8) as 64 lowercase hex digits. */
  static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
