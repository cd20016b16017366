package dev.dray.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The edge proxy in front of the web services: where it listens and how long it waits for new
 * containers and for old ones to drain.
 *
 * @param port the public port of the first web service
 * @param bind the address the proxy listens on
 * @param drainTimeout how long an old container may keep serving in-flight requests after the
 *     switch
 * @param healthTimeout how long a new container may take to pass the proxy's checks
 */
public record ProxyConfig(int port, String bind, Duration drainTimeout, Duration healthTimeout) {
  public static final int DEFAULT_PORT = 80;
  public static final String DEFAULT_BIND = "0.0.0.0";
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(120);

  public ProxyConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    Objects.requireNonNull(healthTimeout, "healthTimeout");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, got " + port);
    }
  }

  /** The settings when the {@code proxy} section is left out. */
  public static ProxyConfig defaults() {
    return new ProxyConfig(
        DEFAULT_PORT, DEFAULT_BIND, DEFAULT_DRAIN_TIMEOUT, DEFAULT_HEALTH_TIMEOUT);
  }

  static ProxyConfig read(ConfigNode proxy) {
    return new ProxyConfig(
        proxy.get("port").integer().orElse(DEFAULT_PORT),
        proxy.get("bind").text(DEFAULT_BIND),
        proxy.get("drain_timeout").duration(DEFAULT_DRAIN_TIMEOUT),
        proxy.get("health_timeout").duration(DEFAULT_HEALTH_TIMEOUT));
  }
}
