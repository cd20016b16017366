package dev.dray.trigger;

import dev.dray.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's webhook signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body keyed
 * with the webhook secret>}, checked with {@link MessageDigest#isEqual} (constant time).
 */
final class GitHubSignature {
  static final String HEADER = "X-Hub-Signature-256";
  private static final Pattern FORMAT = Pattern.compile("sha256=[0-9a-fA-F]{64}");

  private GitHubSignature() {}

  /** The raw 32 bytes of a well-formed header value; empty when it is not one. */
  static Optional<byte[]> parse(String header) {
    if (!FORMAT.matcher(header).matches()) {
      return Optional.empty();
    }
    return Optional.of(HexFormat.of().parseHex(header.substring("sha256=".length())));
  }

  /** Whether {@code signature} is the HMAC of {@code body} keyed with {@code secret}. */
  static boolean verifies(byte[] signature, Secret secret, byte[] body) {
    return MessageDigest.isEqual(hmac(secret, body), signature);
  }

  /** The header value GitHub sends for {@code body}. */
  static String sign(Secret secret, byte[] body) {
    return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
  }

  private static byte[] hmac(Secret secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
