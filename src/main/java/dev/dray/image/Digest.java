package dev.dray.image;

import java.util.regex.Pattern;

/** A content digest such as {@code sha256:4f0c…}, validated on creation. */
public record Digest(String algorithm, String hex) {
  private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern OTHER = Pattern.compile("[a-z0-9]+([+._-][a-z0-9]+)*");
  private static final Pattern ENCODED = Pattern.compile("[a-zA-Z0-9=_-]+");

  public Digest {
    if (!OTHER.matcher(algorithm).matches() || !ENCODED.matcher(hex).matches()) {
      throw new InvalidReferenceException(algorithm + ":" + hex, "not a digest");
    }
    if (algorithm.equals("sha256") && !SHA256.matcher(hex).matches()) {
      throw new InvalidReferenceException(
          algorithm + ":" + hex, "a sha256 digest has 64 lowercase hex digits");
    }
  }

  /** Parses {@code algorithm:hex}. */
  public static Digest of(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new InvalidReferenceException(text, "a digest looks like sha256:<64 hex digits>");
    }
    return new Digest(text.substring(0, colon), text.substring(colon + 1));
  }

  /** The first 12 hex digits, as {@code docker images} shows them. */
  public String shortHex() {
    return hex.substring(0, Math.min(12, hex.length()));
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
