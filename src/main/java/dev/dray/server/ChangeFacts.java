package dev.dray.server;

import dev.dray.build.BuildReport;
import dev.dray.store.DeployRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one finished rollout meant for delivery, the ground of the DORA figures.
 *
 * <ul>
 *   <li>A <b>failed change</b> is a deploy that failed ({@code FAILED} or {@code ROLLED_BACK}), or
 *       that succeeded and whose app's next rollout was a rollback.
 *   <li>Its <b>time to restore</b> runs from the failed change's end to the end of the app's next
 *       successful rollout. A deploy rolled back on its own ({@code ROLLED_BACK}) never stopped the
 *       old version serving: it has none.
 *   <li>The <b>lead time</b> of a successful deploy runs from the start of the earliest build of
 *       any of its images (matched by digest) to the deploy's end: the store does not know commit
 *       times, so the build's start stands in for the commit.
 * </ul>
 *
 * @param record a finished deploy, rollback or recovery
 */
record ChangeFacts(
    DeployRecord record,
    boolean failedChange,
    Optional<Duration> timeToRestore,
    Optional<Duration> leadTime) {

  /** The facts of every finished record, in order of start; {@code records} of any apps. */
  static List<ChangeFacts> of(List<DeployRecord> records, List<BuildReport> builds) {
    Map<String, Instant> builtAt = firstBuildByDigest(builds);
    List<ChangeFacts> out = new ArrayList<>();
    Map<String, List<DeployRecord>> byApp =
        records.stream().collect(Collectors.groupingBy(DeployRecord::app));
    for (List<DeployRecord> app : byApp.values()) {
      List<DeployRecord> finished =
          app.stream()
              .filter(r -> !r.running())
              .sorted(Comparator.comparing(DeployRecord::startedAt).thenComparing(DeployRecord::id))
              .toList();
      for (int i = 0; i < finished.size(); i++) {
        out.add(facts(finished, i, builtAt));
      }
    }
    out.sort(Comparator.comparing(f -> f.record().startedAt()));
    return out;
  }

  /** Whether the record is a deploy (not a rollback or recovery). */
  boolean isDeploy() {
    return record.kind().equals(DeployRecord.DEPLOY);
  }

  /** How long the rollout took. */
  Duration duration() {
    return Duration.between(record.startedAt(), record.finishedAt().orElseThrow());
  }

  private static ChangeFacts facts(List<DeployRecord> finished, int i, Map<String, Instant> built) {
    DeployRecord r = finished.get(i);
    Instant end = r.finishedAt().orElseThrow();
    boolean deploy = r.kind().equals(DeployRecord.DEPLOY);
    boolean succeeded = r.outcome().equals(DeployRecord.SUCCEEDED);
    boolean rolledBackLater =
        i + 1 < finished.size() && finished.get(i + 1).kind().equals(DeployRecord.ROLLBACK);
    boolean failedChange = deploy && (!succeeded || rolledBackLater);
    Optional<Duration> restore = Optional.empty();
    if (failedChange && !r.outcome().equals(DeployRecord.ROLLED_BACK)) {
      restore =
          finished.subList(i + 1, finished.size()).stream()
              .filter(n -> n.outcome().equals(DeployRecord.SUCCEEDED))
              .findFirst()
              .map(n -> Duration.between(end, n.finishedAt().orElseThrow()));
    }
    Optional<Duration> lead = Optional.empty();
    if (deploy && succeeded) {
      lead =
          r.images().values().stream()
              .map(ChangeFacts::digestOf)
              .flatMap(Optional::stream)
              .map(built::get)
              .filter(t -> t != null && !t.isAfter(end))
              .min(Comparator.naturalOrder())
              .map(t -> Duration.between(t, end));
    }
    return new ChangeFacts(r, failedChange, restore, lead);
  }

  private static Map<String, Instant> firstBuildByDigest(List<BuildReport> builds) {
    Map<String, Instant> first = new HashMap<>();
    for (BuildReport b : builds) {
      b.digest().ifPresent(d -> first.merge(d, b.startedAt(), (x, y) -> x.isBefore(y) ? x : y));
    }
    return first;
  }

  /** {@code sha256:…} of an image reference with a digest. */
  static Optional<String> digestOf(String image) {
    int at = image.lastIndexOf('@');
    return at < 0 ? Optional.empty() : Optional.of(image.substring(at + 1));
  }
}
