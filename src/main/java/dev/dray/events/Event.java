package dev.dray.events;

import java.time.Instant;

/**
 * Something that happened inside dray, emitted by the core and rendered by the front ends (CLI
 * progress, server streams, store, notifiers). Each domain defines its own sealed family of events.
 */
public interface Event {
  /** When it happened. */
  Instant at();
}
