package dev.dray.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dray.build.ManifestLookup;
import dev.dray.image.Digest;
import dev.dray.image.ImageRef;
import dev.dray.registry.RegistryResponseException;
import dev.dray.registry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The registry watcher against a scripted registry and a sleeper that records its waits. */
class RegistryWatcherTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final ImageRef LATEST = ImageRef.parse("127.0.0.1:5000/acme/hello:latest");
  private static final Digest D1 = new Digest("sha256", "1".repeat(64));
  private static final Digest D2 = new Digest("sha256", "2".repeat(64));
  private static final Digest D3 = new Digest("sha256", "3".repeat(64));

  private final RecordingQueue queue = new RecordingQueue();
  private final RecordingEvents events = new RecordingEvents();

  /** Answers HEAD requests from a script; each entry a digest, "absent", or an exception. */
  static final class ScriptedRegistry implements ManifestLookup {
    private final Deque<Supplier<Optional<Digest>>> answers = new ArrayDeque<>();
    final List<ImageRef> asked = new CopyOnWriteArrayList<>();

    ScriptedRegistry digest(Digest d) {
      answers.add(() -> Optional.of(d));
      return this;
    }

    ScriptedRegistry absent() {
      answers.add(Optional::empty);
      return this;
    }

    ScriptedRegistry fail(RuntimeException e) {
      answers.add(
          () -> {
            throw e;
          });
      return this;
    }

    @Override
    public Optional<Digest> digestOf(ImageRef ref) {
      asked.add(ref);
      Supplier<Optional<Digest>> next = answers.poll();
      return next == null ? Optional.of(D1) : next.get();
    }
  }

  /** Records each wait; ends the watcher's loop (interrupting it) after {@code limit} waits. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new ArrayList<>();
    private final int limit;

    RecordingSleeper(int limit) {
      this.limit = limit;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      waits.add(duration);
      if (waits.size() >= limit) {
        throw new InterruptedException("enough");
      }
    }
  }

  private RegistryWatcher watcher(
      ManifestLookup registry, Duration interval, double jitter, Sleeper sleeper) {
    return new RegistryWatcher(
        registry,
        LATEST,
        "hello",
        interval,
        jitter,
        queue,
        sleeper,
        Clock.fixed(NOW, ZoneOffset.UTC),
        events);
  }

  @Test
  void theFirstAnswerIsOnlyRecordedAndEachChangeSubmitsAnImagePushed() {
    ScriptedRegistry registry =
        new ScriptedRegistry().digest(D1).digest(D1).digest(D2).digest(D2).digest(D3);
    RegistryWatcher watcher = watcher(registry, Duration.ofSeconds(30), 0, new RecordingSleeper(5));

    watcher.run();

    assertThat(queue.submitted())
        .containsExactly(
            new Trigger.ImagePushed("hello", "latest", D2, "poll", NOW),
            new Trigger.ImagePushed("hello", "latest", D3, "poll", NOW));
    assertThat(watcher.headRequests()).isEqualTo(5);
    assertThat(registry.asked).hasSize(5).allMatch(LATEST::equals);
    assertThat(watcher.lastDigest()).contains(D3);
  }

  @Test
  void aTagThatAppearsAfterTheFirstAnswerIsAChangeOneThatDisappearsIsNot() {
    ScriptedRegistry registry = new ScriptedRegistry().absent().digest(D1).absent().digest(D1);
    RegistryWatcher watcher = watcher(registry, Duration.ofSeconds(30), 0, new RecordingSleeper(4));

    watcher.run();

    assertThat(queue.submitted())
        .extracting(t -> ((Trigger.ImagePushed) t).digest())
        .containsExactly(D1, D1);
  }

  @Test
  void waitsTheIntervalShiftedByAtMostTheJitter() {
    RecordingSleeper sleeper = new RecordingSleeper(300);
    RegistryWatcher watcher = watcher(new ScriptedRegistry(), Duration.ofSeconds(10), 0.2, sleeper);

    watcher.run();

    assertThat(sleeper.waits)
        .hasSize(300)
        .allSatisfy(
            w -> assertThat(w).isBetween(Duration.ofMillis(8_000), Duration.ofMillis(12_000)));
    assertThat(sleeper.waits.stream().distinct().count()).as("the waits vary").isGreaterThan(100);
    assertThat(sleeper.waits.stream().anyMatch(w -> w.toMillis() < 9_000)).isTrue();
    assertThat(sleeper.waits.stream().anyMatch(w -> w.toMillis() > 11_000)).isTrue();
    assertThat(watcher.headRequests()).isEqualTo(300);
  }

  @Test
  void backsOffExponentiallyOnErrorsAndReturnsToTheIntervalAfterASuccess() {
    ScriptedRegistry registry =
        new ScriptedRegistry()
            .digest(D1)
            .fail(new IllegalStateException("connection refused"))
            .fail(
                new RegistryResponseException(
                    "HEAD", 503, "http://r/v2/acme/hello/manifests/latest", ""))
            .fail(new IllegalStateException("connection refused"))
            .digest(D1)
            .digest(D1);
    RecordingSleeper sleeper = new RecordingSleeper(6);

    watcher(registry, Duration.ofSeconds(10), 0, sleeper).run();

    assertThat(sleeper.waits)
        .containsExactly(
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofSeconds(80),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10));
    assertThat(events.of(TriggerEvent.WatchFailed.class))
        .extracting(TriggerEvent.WatchFailed::retryIn)
        .containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80));
    assertThat(events.of(TriggerEvent.WatchFailed.class).get(1).reason())
        .startsWith("registry answered HTTP 503 to HEAD");
    assertThat(queue.submitted()).isEmpty();
  }

  @Test
  void backsOffOnHttp429AsOnErrors() {
    RegistryResponseException tooMany =
        new RegistryResponseException("HEAD", 429, "http://r/v2/acme/hello/manifests/latest", "");
    ScriptedRegistry registry = new ScriptedRegistry().fail(tooMany).fail(tooMany).digest(D1);
    RecordingSleeper sleeper = new RecordingSleeper(3);

    watcher(registry, Duration.ofSeconds(30), 0, sleeper).run();

    assertThat(sleeper.waits)
        .containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(30));
    assertThat(events.of(TriggerEvent.WatchFailed.class))
        .extracting(TriggerEvent.WatchFailed::reason)
        .containsOnly("the registry is rate-limiting dray (HTTP 429)");
  }

  @Test
  void honoursRetryAfterWhenItIsLongerThanTheBackoff() {
    ScriptedRegistry registry =
        new ScriptedRegistry()
            .fail(new RateLimitedException("127.0.0.1:5000", Optional.of(Duration.ofSeconds(300))))
            .fail(new RateLimitedException("127.0.0.1:5000", Optional.of(Duration.ofSeconds(5))))
            .fail(new RateLimitedException("127.0.0.1:5000", Optional.empty()))
            .digest(D1);
    RecordingSleeper sleeper = new RecordingSleeper(4);

    watcher(registry, Duration.ofSeconds(10), 0, sleeper).run();

    assertThat(sleeper.waits)
        .containsExactly(
            Duration.ofSeconds(300), // Retry-After 300s beats the 20s backoff
            Duration.ofSeconds(40), // Retry-After 5s is shorter than the backoff
            Duration.ofSeconds(80),
            Duration.ofSeconds(10));
    assertThat(events.of(TriggerEvent.WatchFailed.class).get(0).reason())
        .isEqualTo(
            "registry 127.0.0.1:5000 is rate-limiting dray (HTTP 429); it asks to retry after 300s");
  }

  @Test
  void theBackoffStopsGrowingAtFifteenMinutes() {
    ScriptedRegistry registry = new ScriptedRegistry();
    for (int i = 0; i < 8; i++) {
      registry.fail(new IllegalStateException("down"));
    }
    RecordingSleeper sleeper = new RecordingSleeper(8);

    watcher(registry, Duration.ofSeconds(30), 0, sleeper).run();

    assertThat(sleeper.waits)
        .extracting(Duration::toSeconds)
        .containsExactly(60L, 120L, 240L, 480L, 900L, 900L, 900L, 900L);
  }

  @Test
  void pollsOnItsOwnThreadUntilClosed() {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    Sleeper shortSleeps =
        d -> {
          waits.add(d);
          Thread.sleep(5);
        };
    RegistryWatcher watcher =
        watcher(
            new ScriptedRegistry().digest(D1).digest(D2), Duration.ofSeconds(1), 0.1, shortSleeps);

    watcher.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> watcher.headRequests() >= 5);
    watcher.close();
    long after = watcher.headRequests();

    assertThat(queue.submitted()).hasSize(2); // D1 → D2, then D2 → D1 (the script's default)
    await()
        .during(Duration.ofMillis(100))
        .atMost(Duration.ofSeconds(1))
        .until(() -> watcher.headRequests() == after);
  }
}
