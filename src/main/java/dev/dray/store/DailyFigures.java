package dev.dray.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The figures of one day, a point of the series {@link Figures#daily} gives the dashboard's charts.
 *
 * @param day the day, in the zone of the {@link Figures}' clock
 * @param builds the builds that started that day
 * @param delivery the deploys and rollbacks that started that day
 */
public record DailyFigures(LocalDate day, BuildFigures builds, DeliveryFigures delivery) {
  public DailyFigures {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(builds, "builds");
    Objects.requireNonNull(delivery, "delivery");
  }
}
