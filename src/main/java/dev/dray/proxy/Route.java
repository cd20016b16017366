package dev.dray.proxy;

import java.util.Objects;
import java.util.Optional;

/**
 * One public entry of the edge proxy: HAProxy listens on {@code bind:publicPort} and sends every
 * request to the servers of {@code backend}, checking them with {@code GET healthPath} when there
 * is one (a TCP connect otherwise).
 *
 * @param backend the backend's name, {@code <app>_<service>} (see {@link #backendName})
 * @param bind the listen address, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param publicPort the listen port
 * @param healthPath the path of the HTTP health check, starting with {@code /}
 */
public record Route(String backend, String bind, int publicPort, Optional<String> healthPath) {

  public Route {
    Names.require("backend name", backend);
    Objects.requireNonNull(bind, "bind");
    if (bind.isBlank() || bind.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("bind address must be one address, got: '" + bind + "'");
    }
    if (publicPort < 1 || publicPort > 65_535) {
      throw new IllegalArgumentException("public port must be 1 to 65535, got: " + publicPort);
    }
    Objects.requireNonNull(healthPath, "healthPath");
    healthPath.ifPresent(
        path -> {
          if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new IllegalArgumentException(
                "health path must start with / and hold no spaces, got: '" + path + "'");
          }
        });
  }

  /** The backend name of an app's service: {@code <app>_<service>}, odd characters as {@code _}. */
  public static String backendName(String app, String service) {
    return Names.sanitize(app + "_" + service);
  }

  /** The address HAProxy listens on, as written after {@code bind}. */
  String listenAddress() {
    return bind + ":" + publicPort;
  }
}
