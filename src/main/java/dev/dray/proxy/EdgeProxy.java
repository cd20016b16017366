package dev.dray.proxy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The long-lived edge proxy in front of an app's web services, switched from one container to the
 * next without dropping a request.
 *
 * <p>A zero-downtime switch is {@link #addServer}, {@link #awaitHealthy}, {@link #switchTo}, {@link
 * #awaitDrained}, {@link #removeServer}. Every change is also written to the proxy's config file,
 * so a proxy restarted from it serves the current version.
 */
public interface EdgeProxy {

  /**
   * Boots the proxy, or adopts the one already running; when {@code routes} differ from the running
   * ones, rewrites the config (keeping each remaining backend's servers) and reloads it while it
   * keeps serving.
   *
   * @throws ProxyPortInUseException when another process holds a public port
   */
  void ensureRunning(List<Route> routes);

  /** Whether the proxy runs, its pid, config file and the state of every server. */
  ProxyStatus status();

  /** The servers of {@code backend}, live. */
  List<ServerState> servers(String backend);

  /**
   * Adds a server with health checks enabled; it stays out of rotation ({@code MAINT}) until {@link
   * #switchTo} makes it ready. Adding a server already there with the same address does nothing.
   */
  void addServer(String backend, Upstream upstream);

  /**
   * Waits until the server's health checks pass.
   *
   * @throws ProxyHealthTimeoutException with the last check's result when they do not in time
   */
  void awaitHealthy(String backend, String server, Duration timeout);

  /**
   * In one runtime command: puts {@code newServer} in rotation and {@code oldServer} (when given)
   * in drain, so it finishes its requests but gets no new ones.
   */
  void switchTo(String backend, String newServer, Optional<String> oldServer);

  /**
   * Waits until the server handles no request; {@code true} when it drained (or is gone), {@code
   * false} when {@code timeout} passed first.
   */
  boolean awaitDrained(String backend, String server, Duration timeout);

  /**
   * Takes the server out of the backend for good (maintenance, then delete); absent is fine. Waits
   * for its pooled idle connections to be closed, which HAProxy needs before it deletes a server.
   */
  void removeServer(String backend, String server);

  /** Stops the haproxy this proxy runs; nothing running is fine. */
  void stop();
}
