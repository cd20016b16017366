package dev.dray.store;

import dev.dray.build.BuildReport;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The numbers the dashboard and {@code /metrics} show, computed from a {@link Store} whenever they
 * are asked for: build figures per service and delivery figures per app after the DORA metrics.
 *
 * <p>Figures cover the last {@code days} days in the zone of the clock, today included: a window of
 * 7 days asked for on a Wednesday starts on the Thursday before at midnight. A build or deploy
 * belongs to the day it started on. docs/metrics.md defines each figure.
 *
 * <p>Builds are per service ({@code service} in dray.yml, which also names the app), deploys per
 * app. Lead times join the digest of each image a deploy rolled out to the build that produced it
 * ({@link BuildReport#digest()}).
 */
public final class Figures {
  /** The most days one call covers: ten years. */
  public static final int MAX_DAYS = 3660;

  private final Store store;
  private final Clock clock;

  public Figures(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The figures of the builds of {@code service} started in the last {@code days} days. */
  public BuildFigures builds(String service, int days) {
    Objects.requireNonNull(service, "service");
    Window window = window(days);
    List<BuildReport> builds = store.builds().since(Optional.of(service), window.from());
    return BuildFigures.of(
        service, window.firstDay(), window.lastDay(), window.select(builds), zone());
  }

  /** The figures of every service built in the last {@code days} days, ordered by service. */
  public List<BuildFigures> builds(int days) {
    Window window = window(days);
    Map<String, List<BuildReport>> byService = new TreeMap<>();
    for (BuildReport build : window.select(store.builds().since(Optional.empty(), window.from()))) {
      byService.computeIfAbsent(build.service(), s -> new ArrayList<>()).add(build);
    }
    return byService.entrySet().stream()
        .map(
            e ->
                BuildFigures.of(
                    e.getKey(), window.firstDay(), window.lastDay(), e.getValue(), zone()))
        .toList();
  }

  /** The delivery figures of {@code app} for the deploys started in the last {@code days} days. */
  public DeliveryFigures delivery(String app, int days) {
    Objects.requireNonNull(app, "app");
    Window window = window(days);
    return timeline(app)
        .figures(window.firstDay(), window.lastDay(), window.from(), window.to(), firstBuilds());
  }

  /**
   * One {@link DailyFigures} per day of the last {@code days} days, oldest first, today last: the
   * builds of the service named {@code app} and the deploys of {@code app}.
   */
  public List<DailyFigures> daily(String app, int days) {
    Objects.requireNonNull(app, "app");
    Window window = window(days);
    List<BuildReport> builds = store.builds().since(Optional.of(app), window.from());
    DeliveryTimeline timeline = timeline(app);
    Function<String, Optional<Instant>> builtAt = firstBuilds();
    List<DailyFigures> series = new ArrayList<>();
    for (LocalDate day = window.firstDay(); !day.isAfter(window.lastDay()); day = day.plusDays(1)) {
      Window oneDay = new Window(day, day, zone());
      series.add(
          new DailyFigures(
              day,
              BuildFigures.of(app, day, day, oneDay.select(builds), zone()),
              timeline.figures(day, day, oneDay.from(), oneDay.to(), builtAt)));
    }
    return series;
  }

  /** How many builds each service has had since the store began, by outcome. */
  public List<BuildCount> buildCounts() {
    return store.builds().counts();
  }

  /** How many deploys, rollbacks and recoveries {@code app} has had since the store began. */
  public List<DeployCount> deployCounts(String app) {
    Objects.requireNonNull(app, "app");
    return store.deploys().counts(app);
  }

  private DeliveryTimeline timeline(String app) {
    return new DeliveryTimeline(app, store.deploys().since(app, Instant.EPOCH));
  }

  /** When the first build of each digest asked about started, each looked up once. */
  private Function<String, Optional<Instant>> firstBuilds() {
    Map<String, Optional<Instant>> known = new HashMap<>();
    return digest ->
        known.computeIfAbsent(
            digest,
            d -> store.builds().withDigest(d).stream().findFirst().map(BuildReport::startedAt));
  }

  private Window window(int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be from 1 to " + MAX_DAYS + ", not " + days);
    }
    LocalDate today = LocalDate.now(clock);
    return new Window(today.minusDays(days - 1L), today, zone());
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  /** The days from {@code firstDay} to {@code lastDay}, both whole, as instants in {@code zone}. */
  private record Window(LocalDate firstDay, LocalDate lastDay, ZoneId zone) {
    Instant from() {
      return firstDay.atStartOfDay(zone).toInstant();
    }

    Instant to() {
      return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    List<BuildReport> select(List<BuildReport> builds) {
      Instant from = from();
      Instant to = to();
      return builds.stream()
          .filter(b -> !b.startedAt().isBefore(from) && b.startedAt().isBefore(to))
          .toList();
    }
  }
}
