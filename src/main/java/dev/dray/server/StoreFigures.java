package dev.dray.server;

import dev.dray.store.Figures;
import java.util.List;
import java.util.Objects;

/**
 * {@link FigureSource} over the store's own {@link Figures}: the server computes no figure itself,
 * it picks the store's figures for {@code /metrics} and the dashboard's charts.
 */
public final class StoreFigures implements FigureSource {
  /** The days the gauges of {@code /metrics} cover, today included. */
  public static final int RECENT_DAYS = 30;

  private final Figures figures;
  private final List<String> apps;

  /**
   * @param apps the served apps, whose delivery figures {@code /metrics} shows
   */
  public StoreFigures(Figures figures, List<String> apps) {
    this.figures = Objects.requireNonNull(figures, "figures");
    this.apps = List.copyOf(apps);
  }

  @Override
  public MetricFigures now() {
    return new MetricFigures(
        figures.buildCounts(),
        figures.builds(Figures.MAX_DAYS),
        figures.builds(RECENT_DAYS),
        apps.stream()
            .map(
                app ->
                    new MetricFigures.AppDeploys(
                        app, figures.deployCounts(app), figures.delivery(app, RECENT_DAYS)))
            .toList());
  }

  @Override
  public FigureSummary daily(String app, int days) {
    return FigureSummary.of(app, figures.daily(app, days));
  }
}
