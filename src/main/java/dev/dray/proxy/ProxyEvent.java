package dev.dray.proxy;

import dev.dray.events.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What the edge proxy emits while it starts, reloads and switches servers. */
public sealed interface ProxyEvent extends Event {

  /** A new haproxy daemon started from the config file. */
  record ProxyStarted(Instant at, long pid, String configFile) implements ProxyEvent {}

  /** An haproxy already running with the wanted routes was taken over as it is. */
  record ProxyAdopted(Instant at, long pid) implements ProxyEvent {}

  /** The routes changed: a new haproxy took over from the old one, which finishes and exits. */
  record ProxyReloaded(Instant at, long oldPid, long newPid) implements ProxyEvent {}

  /** The haproxy this proxy ran was stopped. */
  record ProxyStopped(Instant at, long pid) implements ProxyEvent {}

  /** A server joined a backend, out of rotation, its checks running. */
  record ServerAdded(Instant at, String backend, String server, String address)
      implements ProxyEvent {}

  /** A server's health checks passed, {@code waited} after the wait began. */
  record ServerHealthy(Instant at, String backend, String server, Duration waited)
      implements ProxyEvent {}

  /** Traffic moved to {@code newServer}; {@code oldServer} drains. */
  record Switched(Instant at, String backend, String newServer, Optional<String> oldServer)
      implements ProxyEvent {}

  /** The wait for a draining server ended: {@code drained} false when it timed out. */
  record ServerDrained(Instant at, String backend, String server, boolean drained, Duration waited)
      implements ProxyEvent {}

  /** A server left its backend for good. */
  record ServerRemoved(Instant at, String backend, String server) implements ProxyEvent {}
}
