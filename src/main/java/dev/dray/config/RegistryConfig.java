package dev.dray.config;

import java.util.List;
import java.util.Locale;

/**
 * How dray talks to registries: which hosts speak plain http and how often a push or pull is tried.
 *
 * @param insecure registry hosts (with port when not the default) spoken to over plain http;
 *     loopback hosts always are, listed or not
 * @param retries attempts for a push or pull that fails with a transient error, at least 1
 */
public record RegistryConfig(List<String> insecure, int retries) {
  /** Attempts when {@code registry.retries} is not set. */
  public static final int DEFAULT_RETRIES = 3;

  public RegistryConfig {
    insecure = List.copyOf(insecure);
    if (retries < 1) {
      throw new IllegalArgumentException("retries must be at least 1, got " + retries);
    }
  }

  /** The settings when the {@code registry} section is left out. */
  public static RegistryConfig defaults() {
    return new RegistryConfig(List.of(), DEFAULT_RETRIES);
  }

  /**
   * Whether dray speaks plain http to {@code host} (as in an image reference, with port): it is
   * listed in {@code insecure} or is a loopback host.
   */
  public boolean isInsecure(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return insecure.stream().anyMatch(h -> h.equalsIgnoreCase(lower)) || isLoopback(lower);
  }

  private static boolean isLoopback(String host) {
    String name = host;
    if (name.startsWith("[")) {
      int close = name.indexOf(']');
      name = close < 0 ? name : name.substring(1, close);
      return name.equals("::1");
    }
    int colon = name.lastIndexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    return name.equals("localhost") || name.matches("127(\\.[0-9]{1,3}){3}");
  }

  static RegistryConfig read(ConfigNode registry) {
    return new RegistryConfig(
        registry.get("insecure").strings(),
        registry.get("retries").integer().orElse(DEFAULT_RETRIES));
  }
}
