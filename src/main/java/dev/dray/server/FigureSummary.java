package dev.dray.server;

import dev.dray.store.BuildFigures;
import dev.dray.store.DailyFigures;
import dev.dray.store.DeliveryFigures;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The dashboard's chart data, as {@code GET /api/metrics/summary} returns it: {@code {"app",
 * "days", "series": [{"name", "unit", "points": [{"day", "value"}]}]}}, one point per day, oldest
 * first, a {@code null} value for a day without data. docs/metrics.md defines each figure.
 *
 * @param app the app (and the service of its builds)
 * @param days how many days each series covers, today included
 * @param series the figures, in the order of {@link #NAMES}
 */
public record FigureSummary(String app, int days, List<Series> series) {
  /** {@code seconds}, {@code ratio} (0 to 1), {@code bytes} or {@code count}. */
  public static final List<String> UNITS = List.of("seconds", "ratio", "bytes", "count");

  private static final List<Figure> FIGURES =
      List.of(
          new Figure("build_duration", "seconds", d -> seconds(d.builds().medianDuration())),
          new Figure("cache_hit_rate", "ratio", d -> value(d.builds().cacheHitRate())),
          new Figure("image_size", "bytes", d -> value(d.builds().latestImageSize())),
          new Figure("build_success_rate", "ratio", d -> value(d.builds().successRate())),
          new Figure("deploy_frequency", "count", d -> d.delivery().deploymentFrequency()),
          new Figure(
              "deploy_success_rate", "ratio", d -> value(d.delivery().deploymentSuccessRate())),
          new Figure("time_to_deploy", "seconds", d -> seconds(d.delivery().timeToDeploy())),
          new Figure("rollback_frequency", "count", d -> (double) d.delivery().rollbacks()),
          new Figure("lead_time", "seconds", d -> seconds(d.delivery().leadTime())),
          new Figure("change_failure_rate", "ratio", d -> value(d.delivery().changeFailureRate())),
          new Figure("time_to_restore", "seconds", d -> seconds(d.delivery().timeToRestore())));

  /** The series' names, in the order they are listed. */
  public static final List<String> NAMES = FIGURES.stream().map(Figure::name).toList();

  /** The unit of the series named {@code name}, one of {@link #NAMES}. */
  public static String unitOf(String name) {
    return FIGURES.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .map(Figure::unit)
        .orElseThrow(() -> new IllegalArgumentException("no figure is named " + name));
  }

  public FigureSummary {
    Objects.requireNonNull(app, "app");
    series = List.copyOf(series);
  }

  /**
   * One figure over the days.
   *
   * @param name one of {@link #NAMES}
   * @param unit one of {@link #UNITS}
   */
  public record Series(String name, String unit, List<Point> points) {
    public Series {
      Objects.requireNonNull(name, "name");
      if (!UNITS.contains(unit)) {
        throw new IllegalArgumentException("unit must be one of " + UNITS + ": " + unit);
      }
      points = List.copyOf(points);
    }
  }

  /**
   * The value of a figure on one day.
   *
   * @param value null when the day has no data
   */
  public record Point(LocalDate day, Double value) {
    public Point {
      Objects.requireNonNull(day, "day");
    }
  }

  /** The series of {@code daily}: the store's figures of {@code app}, one per day, oldest first. */
  public static FigureSummary of(String app, List<DailyFigures> daily) {
    List<Series> series = new ArrayList<>();
    for (Figure f : FIGURES) {
      List<Point> points = new ArrayList<>();
      daily.forEach(d -> points.add(new Point(d.day(), f.value().apply(d))));
      series.add(new Series(f.name(), f.unit(), points));
    }
    return new FigureSummary(app, daily.size(), series);
  }

  /** How one series is read from a day's {@link BuildFigures} and {@link DeliveryFigures}. */
  private record Figure(String name, String unit, Function<DailyFigures, Double> value) {}

  private static Double seconds(Optional<Duration> d) {
    return d.map(x -> x.toMillis() / 1000.0).orElse(null);
  }

  private static Double value(OptionalDouble d) {
    return d.isPresent() ? d.getAsDouble() : null;
  }

  private static Double value(OptionalLong d) {
    return d.isPresent() ? (double) d.getAsLong() : null;
  }
}
