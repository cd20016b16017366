package dev.dray.store;

import dev.dray.build.BuildReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The record of past builds: every {@link BuildReport} with its stages and steps, kept so that
 * {@code dray history} can list them and cache hits can be compared over time.
 *
 * <p>Instants and durations are kept to the millisecond.
 */
public interface BuildHistory {

  /**
   * Keeps {@code report}.
   *
   * @throws BuildAlreadyRecordedException when a build with the same id is already kept
   * @throws StoreAccessException when the database cannot be written
   */
  void record(BuildReport report);

  /**
   * The newest {@code limit} builds, newest first, of one service or of all when {@code service} is
   * empty.
   */
  List<BuildReport> recent(Optional<String> service, int limit);

  /**
   * The build with this id, or else the only build whose id starts with {@code idOrPrefix}.
   *
   * @throws AmbiguousIdException when several ids start with the prefix and none equals it
   */
  Optional<BuildReport> find(String idOrPrefix);

  /**
   * The builds started at or after {@code since}, newest first, of one service or of all when
   * {@code service} is empty.
   */
  default List<BuildReport> since(Optional<String> service, Instant since) {
    Objects.requireNonNull(since, "since");
    return recent(service, Integer.MAX_VALUE).stream()
        .filter(build -> !build.startedAt().isBefore(since))
        .toList();
  }

  /**
   * The builds that produced the image with this digest ({@code sha256:…}), oldest first: usually
   * one, more when a build of the same sources came out byte for byte the same.
   */
  default List<BuildReport> withDigest(String digest) {
    Objects.requireNonNull(digest, "digest");
    return recent(Optional.empty(), Integer.MAX_VALUE).reversed().stream()
        .filter(build -> build.digest().filter(digest::equals).isPresent())
        .toList();
  }

  /** How many builds each service has had, by outcome, ordered by service and outcome. */
  default List<BuildCount> counts() {
    Map<BuildCount, Long> counts = new TreeMap<>(BuildCount.ORDER);
    for (BuildReport build : recent(Optional.empty(), Integer.MAX_VALUE)) {
      counts.merge(new BuildCount(build.service(), build.outcome(), 0), 1L, Long::sum);
    }
    return counts.entrySet().stream()
        .map(e -> new BuildCount(e.getKey().service(), e.getKey().outcome(), e.getValue()))
        .toList();
  }
}
