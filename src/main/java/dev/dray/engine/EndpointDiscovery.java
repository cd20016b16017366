package dev.dray.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a Docker Engine by trying strategies in order ({@code DOCKER_HOST}, the default socket, the
 * rootless socket); the first endpoint that answers wins.
 */
public final class EndpointDiscovery {
  private final List<EndpointStrategy> strategies;
  private final EngineProbe probe;

  public EndpointDiscovery(List<EndpointStrategy> strategies, EngineProbe probe) {
    this.strategies = List.copyOf(strategies);
    this.probe = probe;
  }

  /** The standard order, probing with {@code GET /_ping}. */
  public static EndpointDiscovery standard() {
    return new EndpointDiscovery(
        List.of(
            new DockerHostStrategy(), new DefaultSocketStrategy(), new RootlessSocketStrategy()),
        new PingProbe());
  }

  /**
   * The first endpoint that answers.
   *
   * @throws EngineUnreachableException listing every attempt when none answers
   */
  public EngineEndpoint discover(Map<String, String> env) {
    List<EndpointAttempt> attempts = new ArrayList<>();
    for (EndpointStrategy strategy : strategies) {
      switch (strategy.candidate(env)) {
        case EndpointStrategy.Skip skip ->
            attempts.add(new EndpointAttempt(strategy.name(), Optional.empty(), skip.reason()));
        case EndpointStrategy.Offer offer -> {
          Optional<String> failure = probe.failure(offer.uri());
          if (failure.isEmpty()) {
            return new EngineEndpoint(offer.uri(), strategy.name());
          }
          attempts.add(
              new EndpointAttempt(strategy.name(), Optional.of(offer.uri()), failure.get()));
          if (offer.decisive()) {
            throw new EngineUnreachableException(attempts);
          }
        }
      }
    }
    throw new EngineUnreachableException(attempts);
  }
}
