package dev.dray.trigger;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry refused a request with HTTP 429; {@link RegistryWatcher} waits at least {@code
 * retryAfter} before asking again. A {@code ManifestLookup} that can read the response's {@code
 * Retry-After} throws this; one that cannot throws {@code RegistryResponseException} with status
 * 429, and the watcher backs off without it.
 */
public final class RateLimitedException extends TriggerException {
  private static final long serialVersionUID = 1L;

  private final String registry;
  private final transient Optional<Duration> retryAfter;

  public RateLimitedException(String registry, Optional<Duration> retryAfter) {
    super(
        "registry "
            + registry
            + " is rate-limiting dray (HTTP 429)"
            + retryAfter.map(d -> "; it asks to retry after " + d.toSeconds() + "s").orElse(""),
        "poll less often (auto_deploy.watch.interval), or use registry notifications instead");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public String registry() {
    return registry;
  }

  /** How long the registry asked to wait, from its {@code Retry-After} header. */
  public Optional<Duration> retryAfter() {
    return retryAfter == null ? Optional.empty() : retryAfter;
  }
}
