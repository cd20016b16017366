package dev.dray.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The mean and the median of some durations; both empty when there are none.
 *
 * <p>The median of an even number of durations is the mean of the two in the middle.
 */
record DurationStats(Optional<Duration> mean, Optional<Duration> median) {

  static DurationStats of(List<Duration> durations) {
    if (durations.isEmpty()) {
      return new DurationStats(Optional.empty(), Optional.empty());
    }
    List<Duration> sorted = durations.stream().sorted().toList();
    Duration total = sorted.stream().reduce(Duration.ZERO, Duration::plus);
    int middle = sorted.size() / 2;
    Duration median =
        sorted.size() % 2 == 1
            ? sorted.get(middle)
            : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    return new DurationStats(Optional.of(total.dividedBy(sorted.size())), Optional.of(median));
  }
}
