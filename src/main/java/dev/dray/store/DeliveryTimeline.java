package dev.dray.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The deploys, rollbacks and recoveries of one app in the order they started, read for the {@link
 * DeliveryFigures}: which deploys were change failures, when each failure began and was put right,
 * and which images each successful deploy brought.
 *
 * <p>Reading the whole history, not only the days asked for, lets a deploy be judged by what came
 * after it (a rollback on the next day makes it a change failure) and by what it replaced.
 */
final class DeliveryTimeline {
  private static final Comparator<DeployRecord> BY_START =
      Comparator.comparing(DeployRecord::startedAt).thenComparing(DeployRecord::id);

  private final String app;
  private final List<DeployRecord> records;
  private final Set<String> changeFailures = new HashSet<>();
  private final List<Incident> incidents = new ArrayList<>();
  private final Map<String, Set<String>> newDigests = new HashMap<>();

  /**
   * A failure and how it ended.
   *
   * @param cause the deploy that failed, was rolled back automatically, or succeeded and was then
   *     rolled back
   * @param began when the cause finished
   * @param restored when the next successful deploy or rollback finished, if one has
   */
  record Incident(DeployRecord cause, Instant began, Optional<Instant> restored) {}

  DeliveryTimeline(String app, Collection<DeployRecord> records) {
    this.app = app;
    this.records = records.stream().sorted(BY_START).toList();
    findChangeFailures();
    findIncidents();
    findNewDigests();
  }

  /**
   * The figures of the records started from {@code from} (inclusive) to {@code to} (exclusive),
   * which span the days {@code firstDay} to {@code lastDay}.
   *
   * @param builtAt when the first build of an image digest started, if dray built it
   */
  DeliveryFigures figures(
      LocalDate firstDay,
      LocalDate lastDay,
      Instant from,
      Instant to,
      Function<String, Optional<Instant>> builtAt) {
    List<DeployRecord> started =
        records.stream()
            .filter(r -> !r.startedAt().isBefore(from) && r.startedAt().isBefore(to))
            .toList();
    List<DeployRecord> deploys = started.stream().filter(r -> isDeploy(r) && !r.running()).toList();
    List<DeployRecord> succeeded = deploys.stream().filter(DeliveryTimeline::succeeded).toList();
    int failed = deploys.size() - succeeded.size();
    long rolledBack =
        deploys.stream().filter(r -> r.outcome().equals(DeployRecord.ROLLED_BACK)).count();
    long rollbackRecords =
        started.stream().filter(r -> r.kind().equals(DeployRecord.ROLLBACK)).count();
    int rollbacks = Math.toIntExact(rollbackRecords + rolledBack);
    int failures = (int) deploys.stream().filter(this::isChangeFailure).count();
    long days = ChronoUnit.DAYS.between(firstDay, lastDay) + 1;

    Set<String> startedIds = new HashSet<>(started.stream().map(DeployRecord::id).toList());
    List<Duration> restoreTimes =
        incidents.stream()
            .filter(i -> startedIds.contains(i.cause().id()) && i.restored().isPresent())
            .map(i -> Duration.between(i.began(), i.restored().get()))
            .filter(d -> !d.isNegative())
            .toList();
    List<Duration> leadTimes = new ArrayList<>();
    for (DeployRecord deploy : succeeded) {
      for (String digest : newDigests.getOrDefault(deploy.id(), Set.of())) {
        builtAt
            .apply(digest)
            .map(start -> Duration.between(start, deploy.finishedAt().orElseThrow()))
            .filter(d -> !d.isNegative())
            .ifPresent(leadTimes::add);
      }
    }
    return new DeliveryFigures(
        app,
        firstDay,
        lastDay,
        deploys.size(),
        succeeded.size(),
        failed,
        rollbacks,
        failures,
        (double) succeeded.size() / days,
        BuildFigures.ratio(succeeded.size(), deploys.size()),
        DurationStats.of(succeeded.stream().map(DeliveryTimeline::took).toList()).median(),
        BuildFigures.ratio(rollbacks, deploys.size()),
        BuildFigures.ratio(failures, deploys.size()),
        restoreTimes.size(),
        DurationStats.of(restoreTimes).median(),
        leadTimes.size(),
        DurationStats.of(leadTimes).median(),
        lastRolloutFinish(to),
        failingAt(to));
  }

  /** Walks back from the newest record: a rollback ahead blames the successful deploy it meets. */
  private void findChangeFailures() {
    boolean rollbackAhead = false;
    for (DeployRecord record : records.reversed()) {
      if (record.kind().equals(DeployRecord.ROLLBACK)) {
        rollbackAhead = true;
      } else if (isDeploy(record) && succeeded(record)) {
        if (rollbackAhead) {
          changeFailures.add(record.id());
        }
        rollbackAhead = false;
      } else if (isDeploy(record) && !record.running()) {
        changeFailures.add(record.id());
      }
    }
  }

  private void findIncidents() {
    Incident open = null;
    for (DeployRecord record : records) {
      if (record.running()) {
        continue;
      }
      if (isChangeFailure(record)) {
        if (open == null) {
          open = new Incident(record, record.finishedAt().orElseThrow(), Optional.empty());
        }
      } else if (isSuccessfulRollout(record) && open != null) {
        incidents.add(new Incident(open.cause(), open.began(), record.finishedAt()));
        open = null;
      }
    }
    if (open != null) {
      incidents.add(open);
    }
  }

  /** For each successful deploy, the digests it rolled out that were not serving before it. */
  private void findNewDigests() {
    Set<String> serving = Set.of();
    for (DeployRecord record : records) {
      if (!isSuccessfulRollout(record)) {
        continue;
      }
      Set<String> digests = digests(record);
      if (isDeploy(record)) {
        Set<String> brought = new LinkedHashSet<>(digests);
        brought.removeAll(serving);
        newDigests.put(record.id(), brought);
      }
      serving = digests;
    }
  }

  private Optional<Instant> lastRolloutFinish(Instant to) {
    return records.stream()
        .filter(DeliveryTimeline::isSuccessfulRollout)
        .map(r -> r.finishedAt().orElseThrow())
        .filter(finish -> finish.isBefore(to))
        .max(Comparator.naturalOrder());
  }

  private Optional<Instant> failingAt(Instant to) {
    return incidents.stream()
        .filter(i -> i.began().isBefore(to))
        .filter(i -> i.restored().map(restored -> !restored.isBefore(to)).orElse(true))
        .map(Incident::began)
        .reduce((first, second) -> second);
  }

  /** Whether {@code record} is a finished deploy that counts against the change failure rate. */
  private boolean isChangeFailure(DeployRecord record) {
    return changeFailures.contains(record.id());
  }

  /** A successful deploy or rollback: what serves afterwards is a version that worked. */
  private static boolean isSuccessfulRollout(DeployRecord record) {
    return succeeded(record)
        && (record.kind().equals(DeployRecord.DEPLOY)
            || record.kind().equals(DeployRecord.ROLLBACK));
  }

  private static boolean isDeploy(DeployRecord record) {
    return record.kind().equals(DeployRecord.DEPLOY);
  }

  private static boolean succeeded(DeployRecord record) {
    return record.outcome().equals(DeployRecord.SUCCEEDED);
  }

  private static Duration took(DeployRecord record) {
    return Duration.between(record.startedAt(), record.finishedAt().orElseThrow());
  }

  /** The digests of a record's images ({@code repository:tag@sha256:…}), in service order. */
  static Set<String> digests(DeployRecord record) {
    Set<String> digests = new LinkedHashSet<>();
    for (String image : record.images().values()) {
      int at = image.lastIndexOf('@');
      if (at >= 0 && at < image.length() - 1) {
        digests.add(image.substring(at + 1));
      }
    }
    return digests;
  }
}
