package dev.dray.engine;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/** Where a Docker Engine listens ({@code unix://…} or {@code tcp://…}) and how dray found it. */
public record EngineEndpoint(URI uri, String source) {
  private static final Set<String> SCHEMES = Set.of("unix", "tcp");

  public EngineEndpoint {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(source, "source");
    if (!SCHEMES.contains(uri.getScheme())) {
      throw new IllegalArgumentException(
          "unsupported Docker endpoint " + uri + ": expected unix:// or tcp://");
    }
  }

  /** The default local socket, {@code unix:///var/run/docker.sock}. */
  public static EngineEndpoint defaultSocket() {
    return new EngineEndpoint(URI.create("unix:///var/run/docker.sock"), "default socket");
  }

  @Override
  public String toString() {
    return uri + " (" + source + ")";
  }
}
