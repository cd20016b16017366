package dev.dray.server;

import java.util.Optional;

/**
 * Where {@code /metrics} and the dashboard's charts get their figures: computed from the store each
 * time they are asked for, so they are right after a restart.
 *
 * <p>Plug-in point: {@link StoreFigures} computes them here; the store's own figures ({@code
 * dev.dray.store.Figures}, when it exists) can take its place through an adapter.
 */
public interface FigureSource {

  /** The figures of {@code /metrics}, over everything the store holds. */
  MetricFigures now();

  /** The last {@code days} UTC days up to today, for one app or (empty) every served app. */
  DailyFigures daily(Optional<String> app, int days);
}
