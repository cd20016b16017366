package dev.dray.server;

import dev.dray.events.Event;
import dev.dray.events.EventSink;
import dev.dray.trigger.TriggerEvent;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts auto-deploy triggers by source and result for {@code dray_triggers_total}: an event sink
 * that counts each trigger once, when its fate is known.
 *
 * <p>Sources are those of the triggers ({@code registry}, {@code poll}, {@code github}, {@code
 * api}). Results: {@value #DEPLOYED}, {@value #ROLLED_BACK} and {@value #FAILED} (the rollout it
 * asked for ended so), {@value #SUPERSEDED} (a newer trigger for the app replaced it while it
 * waited), {@value #SKIPPED} (it asked for what already ran or was under way, or the server was
 * stopping), {@value #IGNORED} (a valid webhook request or pushed tag no app follows), {@value
 * #REFUSED} (a webhook request answered 4xx: bad signature or secret, replay, malformed) and
 * {@value #ERROR} (a registry poll that failed). A trigger whose rollout still runs is not counted
 * yet.
 *
 * <p>Kept in memory: unlike the other figures, these counts start at zero when the server starts.
 */
public final class TriggerTally implements EventSink {
  public static final String DEPLOYED = "deployed";
  public static final String ROLLED_BACK = "rolled_back";
  public static final String FAILED = "failed";
  public static final String SUPERSEDED = "superseded";
  public static final String SKIPPED = "skipped";
  public static final String IGNORED = "ignored";
  public static final String REFUSED = "refused";
  public static final String ERROR = "error";

  /** A source and result pair. */
  public record Key(String source, String result) {}

  private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

  /** Counts the trigger {@code event} settles the fate of, if it settles one. Never throws. */
  @Override
  public void emit(Event event) {
    if (event instanceof TriggerEvent e) {
      fate(e).ifPresent(k -> count(k.source(), k.result()));
    }
  }

  /** Counts one trigger from {@code source} that ended with {@code result}. */
  public void count(String source, String result) {
    counts.computeIfAbsent(new Key(source, result), k -> new LongAdder()).increment();
  }

  /** The counts so far, ordered by source and result. */
  public Map<Key, Long> counts() {
    Map<Key, Long> out =
        new TreeMap<>(Comparator.comparing(Key::source).thenComparing(Key::result));
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** The source and result {@code event} settles; empty for the steps in between. */
  static Optional<Key> fate(TriggerEvent event) {
    return switch (event) {
      case TriggerEvent.Received r -> Optional.empty();
      case TriggerEvent.Started s -> Optional.empty();
      case TriggerEvent.Superseded s -> Optional.of(new Key(s.trigger().source(), SUPERSEDED));
      case TriggerEvent.Skipped s -> Optional.of(new Key(s.trigger().source(), SKIPPED));
      case TriggerEvent.Finished f -> Optional.of(new Key(f.trigger().source(), result(f)));
      case TriggerEvent.Ignored i -> Optional.of(new Key(i.source(), IGNORED));
      case TriggerEvent.Refused r -> Optional.of(new Key(r.source(), REFUSED));
      case TriggerEvent.WatchFailed w -> Optional.of(new Key("poll", ERROR));
    };
  }

  private static String result(TriggerEvent.Finished finished) {
    return finished
        .report()
        .map(
            r ->
                switch (r.outcome()) {
                  case SUCCEEDED -> DEPLOYED;
                  case ROLLED_BACK -> ROLLED_BACK;
                  case FAILED -> FAILED;
                })
        .orElse(FAILED);
  }
}
