package dev.dray.trigger;

import dev.dray.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Compares a presented secret with the configured one in constant time: both are hashed first, so
 * neither the content nor the length of the secret shows in how long a comparison takes.
 */
final class SharedSecret {
  private SharedSecret() {}

  static boolean matches(Secret expected, String presented) {
    return MessageDigest.isEqual(sha256(expected.reveal()), sha256(presented));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
