package dev.dray.engine;

import dev.dray.image.Digest;
import java.util.Objects;

/** What a push produced: the manifest digest in the registry and the manifest's size in bytes. */
public record PushResult(Digest digest, long size) {
  public PushResult {
    Objects.requireNonNull(digest, "digest");
  }
}
