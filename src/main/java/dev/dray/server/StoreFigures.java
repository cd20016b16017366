package dev.dray.server;

import dev.dray.build.BuildReport;
import dev.dray.store.BuildHistory;
import dev.dray.store.DeployHistory;
import dev.dray.store.DeployRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@link FigureSource} computed here from the store's build and deploy history, reading up to
 * {@link #LIMIT} of the newest builds and of each app's newest rollouts on every call.
 *
 * <p>Build figures cover every service in the store; deploy figures the apps served (the deploy
 * history is read per app). Delivery figures follow {@link ChangeFacts}.
 */
public final class StoreFigures implements FigureSource {
  /** How many of the newest builds, and of each app's newest rollouts, are read. */
  static final int LIMIT = 10_000;

  private final BuildHistory builds;
  private final DeployHistory deploys;
  private final List<String> apps;
  private final Clock clock;

  public StoreFigures(BuildHistory builds, DeployHistory deploys, List<String> apps, Clock clock) {
    this.builds = builds;
    this.deploys = deploys;
    this.apps = List.copyOf(apps);
    this.clock = clock;
  }

  @Override
  public MetricFigures now() {
    List<BuildReport> all = builds.recent(Optional.empty(), LIMIT); // newest first
    Map<String, List<BuildReport>> byService =
        all.stream()
            .collect(
                Collectors.groupingBy(BuildReport::service, TreeMap::new, Collectors.toList()));
    List<MetricFigures.ServiceBuilds> services = new ArrayList<>();
    byService.forEach((service, list) -> services.add(serviceBuilds(service, list)));
    List<MetricFigures.AppDeploys> appFigures = new ArrayList<>();
    for (String app : apps) {
      appFigures.add(appDeploys(app, deploys.recent(app, LIMIT), all));
    }
    return new MetricFigures(
        services, all.stream().map(BuildReport::duration).toList(), appFigures);
  }

  private static MetricFigures.ServiceBuilds serviceBuilds(String service, List<BuildReport> list) {
    Map<String, Long> byOutcome =
        list.stream()
            .collect(Collectors.groupingBy(b -> b.outcome().name(), Collectors.counting()));
    OptionalDouble hit =
        list.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(list.get(0).cacheHitRatio());
    OptionalLong size =
        list.stream()
            .filter(b -> b.outcome() == BuildReport.Outcome.SUCCEEDED)
            .findFirst()
            .map(b -> OptionalLong.of(b.sizeBytes()))
            .orElse(OptionalLong.empty());
    return new MetricFigures.ServiceBuilds(service, byOutcome, hit, size);
  }

  private static MetricFigures.AppDeploys appDeploys(
      String app, List<DeployRecord> records, List<BuildReport> builds) {
    List<MetricFigures.DeployCount> counts =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.kind() + " " + r.outcome(), TreeMap::new, Collectors.counting()))
            .entrySet()
            .stream()
            .map(
                e -> {
                  String[] kindOutcome = e.getKey().split(" ", 2);
                  return new MetricFigures.DeployCount(
                      kindOutcome[0], kindOutcome[1], e.getValue());
                })
            .toList();
    List<ChangeFacts> facts = ChangeFacts.of(records, builds);
    List<ChangeFacts> deployFacts = facts.stream().filter(ChangeFacts::isDeploy).toList();
    return new MetricFigures.AppDeploys(
        app,
        counts,
        facts.stream().map(ChangeFacts::duration).toList(),
        records.stream().filter(r -> r.kind().equals(DeployRecord.ROLLBACK)).count(),
        deployFacts.isEmpty()
            ? OptionalDouble.empty()
            : OptionalDouble.of(rate(deployFacts, ChangeFacts::failedChange)),
        meanDuration(
            facts.stream().map(ChangeFacts::timeToRestore).flatMap(Optional::stream).toList()),
        meanDuration(facts.stream().map(ChangeFacts::leadTime).flatMap(Optional::stream).toList()),
        facts.stream()
            .filter(f -> !f.record().kind().equals(DeployRecord.RECOVER))
            .filter(f -> f.record().outcome().equals(DeployRecord.SUCCEEDED))
            .map(f -> f.record().finishedAt().orElseThrow())
            .max(Comparator.naturalOrder()));
  }

  @Override
  public DailyFigures daily(Optional<String> app, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1: " + days);
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<LocalDate> range = new ArrayList<>();
    for (int i = days - 1; i >= 0; i--) {
      range.add(today.minusDays(i));
    }
    List<BuildReport> buildList = builds.recent(app, LIMIT);
    List<DeployRecord> records = new ArrayList<>();
    for (String a : app.map(List::of).orElse(apps)) {
      records.addAll(deploys.recent(a, LIMIT));
    }
    List<ChangeFacts> facts = ChangeFacts.of(records, buildList);
    Map<LocalDate, List<BuildReport>> buildsByDay = byDay(buildList, BuildReport::startedAt);
    Map<LocalDate, List<ChangeFacts>> factsByDay = byDay(facts, f -> f.record().startedAt());
    Map<LocalDate, List<DeployRecord>> recordsByDay = byDay(records, DeployRecord::startedAt);

    Map<String, List<Double>> series = new LinkedHashMap<>();
    DailyFigures.SERIES.forEach(name -> series.put(name, new ArrayList<>()));
    for (LocalDate day : range) {
      List<BuildReport> b = buildsByDay.getOrDefault(day, List.of());
      List<ChangeFacts> f = factsByDay.getOrDefault(day, List.of());
      List<ChangeFacts> deployed = f.stream().filter(ChangeFacts::isDeploy).toList();
      List<DeployRecord> started = recordsByDay.getOrDefault(day, List.of());
      series
          .get("buildDurationSeconds")
          .add(mean(b.stream().map(BuildReport::duration).map(StoreFigures::seconds).toList()));
      series.get("cacheHitRate").add(mean(b.stream().map(BuildReport::cacheHitRatio).toList()));
      series
          .get("imageSizeBytes")
          .add(
              b.stream()
                  .filter(x -> x.outcome() == BuildReport.Outcome.SUCCEEDED)
                  .max(Comparator.comparing(BuildReport::startedAt))
                  .map(x -> (double) x.sizeBytes())
                  .orElse(null));
      series
          .get("buildSuccessRate")
          .add(b.isEmpty() ? null : rate(b, x -> x.outcome() == BuildReport.Outcome.SUCCEEDED));
      series
          .get("deploys")
          .add((double) started.stream().filter(r -> r.kind().equals(DeployRecord.DEPLOY)).count());
      series
          .get("deploySuccessRate")
          .add(
              deployed.isEmpty()
                  ? null
                  : rate(deployed, x -> x.record().outcome().equals(DeployRecord.SUCCEEDED)));
      series
          .get("timeToDeploySeconds")
          .add(
              mean(
                  deployed.stream()
                      .map(ChangeFacts::duration)
                      .map(StoreFigures::seconds)
                      .toList()));
      series
          .get("rollbacks")
          .add(
              (double)
                  started.stream().filter(r -> r.kind().equals(DeployRecord.ROLLBACK)).count());
      series
          .get("leadTimeSeconds")
          .add(
              mean(
                  f.stream()
                      .map(ChangeFacts::leadTime)
                      .flatMap(Optional::stream)
                      .map(StoreFigures::seconds)
                      .toList()));
      series
          .get("changeFailureRate")
          .add(deployed.isEmpty() ? null : rate(deployed, ChangeFacts::failedChange));
      series
          .get("timeToRestoreSeconds")
          .add(
              mean(
                  f.stream()
                      .map(ChangeFacts::timeToRestore)
                      .flatMap(Optional::stream)
                      .map(StoreFigures::seconds)
                      .toList()));
    }
    return new DailyFigures(app.orElse(null), range, series);
  }

  private static <T> Map<LocalDate, List<T>> byDay(List<T> items, Function<T, Instant> at) {
    return items.stream()
        .collect(Collectors.groupingBy(x -> LocalDate.ofInstant(at.apply(x), ZoneOffset.UTC)));
  }

  private static <T> double rate(List<T> items, Predicate<T> counted) {
    return (double) items.stream().filter(counted).count() / items.size();
  }

  private static Double mean(List<Double> values) {
    return values.isEmpty()
        ? null
        : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  private static Optional<Duration> meanDuration(List<Duration> values) {
    return values.isEmpty()
        ? Optional.empty()
        : Optional.of(
            Duration.ofMillis(
                Math.round(values.stream().mapToLong(Duration::toMillis).average().orElseThrow())));
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
