package dev.dray.registry;

import dev.dray.image.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A manifest exactly as the registry stores it: the raw bytes (re-serialising would change the
 * digest), its media type and its digest.
 */
public record Manifest(byte[] bytes, String mediaType, Digest digest) {
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";

  /** The manifest types dray asks for, for {@code Accept}. */
  public static final List<String> ACCEPTED =
      List.of(OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST);

  public Manifest {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    bytes = bytes.clone();
    if (mediaType.isBlank()) {
      throw new IllegalArgumentException("manifest media type is blank");
    }
  }

  /** A manifest of {@code bytes}, its digest computed. */
  public static Manifest of(byte[] bytes, String mediaType) {
    return new Manifest(bytes, mediaType, sha256(bytes));
  }

  /** The sha256 digest of {@code content}. */
  public static Digest sha256(byte[] content) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
      return new Digest("sha256", HexFormat.of().formatHex(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Manifest m
        && Arrays.equals(m.bytes, bytes)
        && m.mediaType.equals(mediaType)
        && m.digest.equals(digest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(bytes), mediaType, digest);
  }

  @Override
  public String toString() {
    return "Manifest[" + mediaType + ", " + digest + ", " + bytes.length + " bytes]";
  }
}
