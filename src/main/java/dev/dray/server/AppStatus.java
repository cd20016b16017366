package dev.dray.server;

import java.time.Instant;
import java.util.List;

/**
 * What runs of one app now, as {@code GET /api/apps} shows it.
 *
 * @param app the app's name
 * @param services each service of dray.yml, in file order
 * @param proxy the edge proxy's state
 */
public record AppStatus(String app, List<Service> services, Proxy proxy) {
  public AppStatus {
    services = List.copyOf(services);
  }

  /**
   * One service: its running container, else its newest stopped one, else nothing.
   *
   * @param role {@code web} or {@code worker}
   * @param version the {@code dray.version} label; null when no container exists
   * @param image the image reference (with digest) the container runs; null when none exists
   * @param health {@code starting|healthy|unhealthy}; null without a health check or container
   * @param state the engine's state ({@code running}, {@code exited}, …), {@code absent} when none
   * @param since when the container started; null when it never did
   * @param restarts how often the engine restarted it
   */
  public record Service(
      String name,
      String role,
      String version,
      String image,
      String health,
      String state,
      Instant since,
      int restarts) {}

  /** The edge proxy: whether its haproxy answers. */
  public record Proxy(boolean running) {}
}
