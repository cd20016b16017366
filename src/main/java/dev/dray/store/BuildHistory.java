package dev.dray.store;

import dev.dray.build.BuildReport;
import java.util.List;
import java.util.Optional;

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
}
