package dev.dray.engine;

import java.net.URI;
import java.util.Optional;

/** One step of endpoint discovery: which strategy, which endpoint it offered, what happened. */
public record EndpointAttempt(String strategy, Optional<URI> endpoint, String outcome) {
  @Override
  public String toString() {
    return strategy + endpoint.map(u -> " " + u).orElse("") + ": " + outcome;
  }
}
