package dev.dray.engine;

import java.net.URI;
import java.util.Optional;

/** Checks whether a Docker Engine answers at an endpoint. */
@FunctionalInterface
public interface EngineProbe {
  /** Empty when an engine answered, otherwise why not. */
  Optional<String> failure(URI endpoint);
}
