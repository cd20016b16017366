package dev.dray.store;

import dev.dray.build.BuildReport;
import dev.dray.build.BuildReport.Outcome;
import dev.dray.build.BuildReport.StageReport;
import dev.dray.build.BuildReport.StepReport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * How the builds of one service went over some days: how many, how many succeeded, how long they
 * took, how much came from cache and how big the image is.
 *
 * <p>A build belongs to the day it started on, in the zone of the {@link Figures}' clock.
 * Durations, cache hits and image sizes are those of the builds that succeeded: a failed build
 * stops early and leaves no image. Rates are fractions from 0 to 1, empty when there is nothing to
 * divide by.
 *
 * @param service the service built ({@code service} in dray.yml)
 * @param firstDay the first day counted
 * @param lastDay the last day counted (inclusive)
 * @param builds how many builds started in those days
 * @param succeeded how many of them succeeded
 * @param failed how many of them failed
 * @param successRate {@code succeeded ÷ builds}
 * @param meanDuration the mean duration of the builds that succeeded
 * @param medianDuration the median duration of the builds that succeeded
 * @param cacheHitRate of all BuildKit steps of the builds that succeeded, the fraction served from
 *     cache (a step-weighted rate: a build of many steps weighs more than one of few)
 * @param latestImageSize the image size of the last build that succeeded (by start)
 * @param imageSizes per day with a successful build, oldest first: the image size of the last one
 */
public record BuildFigures(
    String service,
    LocalDate firstDay,
    LocalDate lastDay,
    int builds,
    int succeeded,
    int failed,
    OptionalDouble successRate,
    Optional<Duration> meanDuration,
    Optional<Duration> medianDuration,
    OptionalDouble cacheHitRate,
    OptionalLong latestImageSize,
    List<DailySize> imageSizes) {

  public BuildFigures {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(successRate, "successRate");
    Objects.requireNonNull(meanDuration, "meanDuration");
    Objects.requireNonNull(medianDuration, "medianDuration");
    Objects.requireNonNull(cacheHitRate, "cacheHitRate");
    Objects.requireNonNull(latestImageSize, "latestImageSize");
    imageSizes = List.copyOf(imageSizes);
  }

  /** The figures of {@code builds}, all of {@code service} and started in the days given. */
  static BuildFigures of(
      String service,
      LocalDate firstDay,
      LocalDate lastDay,
      List<BuildReport> builds,
      ZoneId zone) {
    List<BuildReport> succeeded =
        builds.stream()
            .filter(build -> build.outcome() == Outcome.SUCCEEDED)
            .sorted(Comparator.comparing(BuildReport::startedAt).thenComparing(BuildReport::id))
            .toList();
    DurationStats durations =
        DurationStats.of(succeeded.stream().map(BuildReport::duration).toList());
    long steps = 0;
    long cached = 0;
    Map<LocalDate, Long> sizes = new TreeMap<>();
    for (BuildReport build : succeeded) {
      for (StageReport stage : build.stages()) {
        steps += stage.steps().size();
        cached += stage.steps().stream().filter(StepReport::cached).count();
      }
      sizes.put(LocalDate.ofInstant(build.startedAt(), zone), build.sizeBytes());
    }
    return new BuildFigures(
        service,
        firstDay,
        lastDay,
        builds.size(),
        succeeded.size(),
        builds.size() - succeeded.size(),
        ratio(succeeded.size(), builds.size()),
        durations.mean(),
        durations.median(),
        ratio(cached, steps),
        succeeded.isEmpty()
            ? OptionalLong.empty()
            : OptionalLong.of(succeeded.getLast().sizeBytes()),
        sizes.entrySet().stream().map(e -> new DailySize(e.getKey(), e.getValue())).toList());
  }

  static OptionalDouble ratio(long part, long whole) {
    return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
  }
}
