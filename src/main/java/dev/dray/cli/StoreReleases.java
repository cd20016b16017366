package dev.dray.cli;

import dev.dray.store.DeployRecord;
import dev.dray.store.Store;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Rollouts read from this host's store; the app is the service of dray.yml. */
record StoreReleases(Store store, Supplier<String> configuredApp) implements ReleaseSource {
  @Override
  public String app() {
    return configuredApp.get();
  }

  @Override
  public List<DeployRecord> recent(String app, int limit) {
    return store.deploys().recent(app, limit);
  }

  @Override
  public Optional<DeployJournal> journal(String id) {
    return store.deploys().find(id).map(r -> new DeployJournal(r, store.deploys().steps(r.id())));
  }
}
