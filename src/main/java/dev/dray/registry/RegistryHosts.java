package dev.dray.registry;

import java.util.Locale;
import java.util.Set;

/**
 * Registry host names as users, Docker config files and the wire spell them: normalises keys such
 * as {@code https://index.docker.io/v1/} to {@code docker.io}, and says which hosts speak plain
 * http.
 */
public final class RegistryHosts {
  public static final String DOCKER_HUB = "docker.io";

  /** Where Docker Hub's registry API actually answers. */
  public static final String DOCKER_HUB_API = "registry-1.docker.io";

  /** The key {@code docker login} uses for Docker Hub in config.json and credential helpers. */
  public static final String DOCKER_HUB_LEGACY_KEY = "https://index.docker.io/v1/";

  private static final Set<String> HUB_ALIASES =
      Set.of(DOCKER_HUB, "index.docker.io", DOCKER_HUB_API, "registry.hub.docker.com");
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

  private RegistryHosts() {}

  /**
   * The bare host[:port] of a registry key: strips a scheme and any path ({@code /v1/}), lowercases
   * it, and maps every Docker Hub alias to {@code docker.io}.
   */
  public static String normalize(String key) {
    String host = key.trim();
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    host = host.toLowerCase(Locale.ROOT);
    return HUB_ALIASES.contains(host) ? DOCKER_HUB : host;
  }

  /** The host the registry API answers on ({@code registry-1.docker.io} for Docker Hub). */
  public static String apiHost(String registryHost) {
    String host = normalize(registryHost);
    return host.equals(DOCKER_HUB) ? DOCKER_HUB_API : host;
  }

  /**
   * The server address Docker tools store credentials under ({@code https://index.docker.io/v1/}).
   */
  public static String serverAddress(String registryHost) {
    String host = normalize(registryHost);
    return host.equals(DOCKER_HUB) ? DOCKER_HUB_LEGACY_KEY : host;
  }

  /** Whether {@code registryHost} (host or host:port) is a loopback address. */
  public static boolean isLoopback(String registryHost) {
    String host = normalize(registryHost);
    String bare = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : stripPort(host);
    return LOOPBACK.contains(bare);
  }

  private static String stripPort(String host) {
    int colon = host.lastIndexOf(':');
    return colon >= 0 ? host.substring(0, colon) : host;
  }
}
