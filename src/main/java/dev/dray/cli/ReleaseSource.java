package dev.dray.cli;

import dev.dray.store.DeployRecord;
import java.util.List;
import java.util.Optional;

/** Where {@code dray releases} reads rollouts from: this host's store, or dray server's API. */
sealed interface ReleaseSource permits StoreReleases, ServerReleases {
  /** The app whose releases to list. */
  String app();

  /** The newest {@code limit} rollouts of {@code app}, newest first. */
  List<DeployRecord> recent(String app, int limit);

  /** The rollout whose id starts with {@code id}, with its steps; empty when none does. */
  Optional<DeployJournal> journal(String id);
}
