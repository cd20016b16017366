package dev.dray.server;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dashboard's chart data, as {@code GET /api/metrics/summary} returns it: one value per UTC day
 * for each series ({@code null} for a day without data), days oldest first.
 *
 * @param app the app the figures are about; null when about every served app
 * @param days the days, oldest first
 * @param series by name ({@link #SERIES}), one value per day
 */
public record DailyFigures(String app, List<LocalDate> days, Map<String, List<Double>> series) {
  /** The series' names, in the order they are listed. */
  public static final List<String> SERIES =
      List.of(
          "buildDurationSeconds",
          "cacheHitRate",
          "imageSizeBytes",
          "buildSuccessRate",
          "deploys",
          "deploySuccessRate",
          "timeToDeploySeconds",
          "rollbacks",
          "leadTimeSeconds",
          "changeFailureRate",
          "timeToRestoreSeconds");

  public DailyFigures {
    days = List.copyOf(days);
    Objects.requireNonNull(series, "series");
    Map<String, List<Double>> copy = new LinkedHashMap<>();
    for (String name : SERIES) {
      List<Double> values = series.get(name);
      if (values == null || values.size() != days.size()) {
        throw new IllegalArgumentException(
            "series " + name + " needs one value per day (" + days.size() + ")");
      }
      copy.put(name, Collections.unmodifiableList(new ArrayList<>(values)));
    }
    series = Collections.unmodifiableMap(copy);
  }
}
