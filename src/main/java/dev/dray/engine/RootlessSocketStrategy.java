package dev.dray.engine;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** Offers rootless Docker's socket, {@code $XDG_RUNTIME_DIR/docker.sock}. */
public final class RootlessSocketStrategy implements EndpointStrategy {
  @Override
  public String name() {
    return "rootless socket";
  }

  @Override
  public Candidate candidate(Map<String, String> env) {
    String dir = env.getOrDefault("XDG_RUNTIME_DIR", "").trim();
    if (dir.isEmpty()) {
      return new Skip("XDG_RUNTIME_DIR not set");
    }
    Path socket = Path.of(dir, "docker.sock").toAbsolutePath();
    return new Offer(URI.create("unix://" + socket), false);
  }
}
