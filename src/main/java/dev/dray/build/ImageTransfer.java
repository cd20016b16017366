package dev.dray.build;

import dev.dray.DrayException;
import dev.dray.Secret;
import dev.dray.build.BuildEvent.PushProgress;
import dev.dray.build.BuildEvent.Retrying;
import dev.dray.engine.DockerEngine;
import dev.dray.engine.EngineAuthException;
import dev.dray.engine.LayerProgress;
import dev.dray.engine.PullFailedException;
import dev.dray.engine.PushFailedException;
import dev.dray.engine.PushResult;
import dev.dray.events.EventSink;
import dev.dray.image.ImageRef;
import dev.dray.registry.CredentialLookup;
import dev.dray.registry.CredentialResolver;
import dev.dray.registry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Moves images between the engine and registries: pushes and pulls with the credentials found for
 * each registry host, retried with bounded backoff on transient failures.
 */
public final class ImageTransfer {
  private final DockerEngine engine;
  private final CredentialResolver credentials;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Clock clock;
  private final EventSink events;
  private final ManifestLookup manifests;
  private final Map<String, CredentialLookup> lookups = new ConcurrentHashMap<>();

  public ImageTransfer(
      DockerEngine engine,
      ManifestLookup manifests,
      CredentialResolver credentials,
      Backoff backoff,
      Sleeper sleeper,
      Clock clock,
      EventSink events) {
    this.engine = engine;
    this.manifests = manifests;
    this.credentials = credentials;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.clock = clock;
    this.events = events;
  }

  /** Pushes {@code ref} and returns the manifest digest the registry reported. */
  public String push(ImageRef ref) {
    Optional<Secret> auth = authFor(ref.registry());
    LayerTotals totals = new LayerTotals();
    PushResult result =
        withRetries(
            "push " + ref,
            ref,
            () ->
                engine.push(
                    ref,
                    auth,
                    p -> {
                      totals.update(p);
                      events.emit(
                          new PushProgress(
                              clock.instant(), ref.toString(), totals.sent(), totals.total()));
                    }));
    return result.digest().toString();
  }

  /** Pulls {@code ref}. */
  public void pull(ImageRef ref) {
    Optional<Secret> auth = authFor(ref.registry());
    withRetries(
        "pull " + ref,
        ref,
        () -> {
          engine.pull(ref, auth, p -> {});
          return Boolean.TRUE;
        });
  }

  /** Whether the registry has {@code ref} (a manifest HEAD); unknown counts as absent. */
  public boolean existsInRegistry(ImageRef ref) {
    try {
      return manifests.digestOf(ref).isPresent();
    } catch (DrayException e) {
      return false;
    }
  }

  /** Whether credentials exist for {@code host}, from any source. */
  public boolean hasCredentials(String host) {
    return lookup(host).credential().isPresent();
  }

  private Optional<Secret> authFor(String host) {
    return lookup(host).credential().map(c -> Secret.of(c.toEngineAuthJson(host)));
  }

  private CredentialLookup lookup(String host) {
    return lookups.computeIfAbsent(host, credentials::resolve);
  }

  private <T> T withRetries(String operation, ImageRef ref, Supplier<T> action) {
    for (int attempt = 1; ; attempt++) {
      try {
        return action.get();
      } catch (EngineAuthException e) {
        throw new PushUnauthorizedException(
            operation.substring(0, operation.indexOf(' ')),
            ref.toString(),
            ref.registry(),
            lookup(ref.registry()).attempts(),
            e);
      } catch (PushFailedException | PullFailedException e) {
        boolean retryable =
            e instanceof PushFailedException push
                ? push.retryable()
                : ((PullFailedException) e).retryable();
        if (!retryable || attempt >= backoff.attempts()) {
          throw e;
        }
        Duration delay = backoff.delayAfter(attempt);
        events.emit(
            new Retrying(
                clock.instant(), operation, attempt, backoff.attempts(), delay, e.getMessage()));
        sleep(delay);
      }
    }
  }

  private void sleep(Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }

  /** Sums per-layer push progress into one figure. */
  private static final class LayerTotals {
    private final Map<String, long[]> layers = new ConcurrentHashMap<>();

    void update(LayerProgress p) {
      if (p.total() > 0) {
        layers.put(p.id(), new long[] {p.current(), p.total()});
      }
    }

    long sent() {
      return layers.values().stream().mapToLong(v -> v[0]).sum();
    }

    long total() {
      return layers.values().stream().mapToLong(v -> v[1]).sum();
    }
  }
}
