package dev.dray.server;

/**
 * Where {@code /metrics} and the dashboard's charts get their figures: computed from the store each
 * time they are asked for, so they are right after a restart. {@link StoreFigures} takes them from
 * {@code dev.dray.store.Figures}.
 */
public interface FigureSource {

  /** The figures of {@code /metrics}. */
  MetricFigures now();

  /** The last {@code days} days up to today of {@code app}: its builds and its rollouts. */
  FigureSummary daily(String app, int days);
}
