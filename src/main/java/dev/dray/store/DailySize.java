package dev.dray.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The size of the image built last on one day: a point of {@link BuildFigures#imageSizes()}.
 *
 * @param day the day, in the zone of the {@link Figures}' clock
 * @param bytes the image's size in bytes, as {@code docker image inspect} reports it
 */
public record DailySize(LocalDate day, long bytes) {
  public DailySize {
    Objects.requireNonNull(day, "day");
  }
}
