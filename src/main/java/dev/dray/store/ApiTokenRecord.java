package dev.dray.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An API token of {@code dray server} as the store keeps it: its name and the SHA-256 of its value,
 * never the value itself.
 *
 * <p>{@code createdAt} is kept to the millisecond: the constructor truncates it.
 *
 * @param name which token this is; the server uses {@link #DEFAULT}
 * @param sha256 the SHA-256 of the token's text, 64 lowercase hex digits
 * @param createdAt when the token was made
 */
public record ApiTokenRecord(String name, String sha256, Instant createdAt) {
  /** The name of the server's one token. */
  public static final String DEFAULT = "default";

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public ApiTokenRecord {
    DeployRecord.requireText(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    if (!SHA256_HEX.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "sha256 of token " + name + " must be 64 lowercase hex digits");
    }
    createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
  }
}
