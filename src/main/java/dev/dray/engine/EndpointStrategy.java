package dev.dray.engine;

import java.net.URI;
import java.util.Map;

/** One way to find a Docker Engine endpoint, tried in order by {@link EndpointDiscovery}. */
public interface EndpointStrategy {
  /** A short name for messages, such as {@code DOCKER_HOST}. */
  String name();

  /** The endpoint this strategy offers in the given environment, or why it does not apply. */
  Candidate candidate(Map<String, String> env);

  /** What a strategy offers. */
  sealed interface Candidate {}

  /**
   * An endpoint to probe; when {@code decisive}, discovery stops here even if it fails (the user
   * named it explicitly).
   */
  record Offer(URI uri, boolean decisive) implements Candidate {}

  /** The strategy does not apply, and why. */
  record Skip(String reason) implements Candidate {}
}
