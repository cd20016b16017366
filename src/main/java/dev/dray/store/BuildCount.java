package dev.dray.store;

import dev.dray.build.BuildReport;
import java.util.Comparator;
import java.util.Objects;

/**
 * How many builds of one service ended one way: a row of {@link BuildHistory#counts()}.
 *
 * @param service the service built ({@code service} in dray.yml)
 * @param outcome how the builds ended
 * @param count how many there were
 */
public record BuildCount(String service, BuildReport.Outcome outcome, long count) {
  /** By service, then outcome. */
  static final Comparator<BuildCount> ORDER =
      Comparator.comparing(BuildCount::service).thenComparing(BuildCount::outcome);

  public BuildCount {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(outcome, "outcome");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
  }
}
