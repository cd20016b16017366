package dev.dray.engine;

import java.util.Map;

/** Offers the system socket {@code unix:///var/run/docker.sock}. */
public final class DefaultSocketStrategy implements EndpointStrategy {
  @Override
  public String name() {
    return "default socket";
  }

  @Override
  public Candidate candidate(Map<String, String> env) {
    return new Offer(EngineEndpoint.defaultSocket().uri(), false);
  }
}
