package dev.dray.cli;

import dev.dray.server.AppStatus;
import dev.dray.store.DeployRecord;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rollouts read from dray server's API; the app is {@code --app} or the service of dray.yml, and
 * one the server does not serve is an error listing those it does.
 */
record ServerReleases(ServerApi api, Supplier<Optional<String>> namedApp) implements ReleaseSource {
  @Override
  public String app() {
    return namedApp
        .get()
        .orElseThrow(
            () -> {
              List<String> served = api.apps().stream().map(AppStatus::app).toList();
              return new CliInputException(
                  "which app? there is no dray.yml here and no --app",
                  "give --app NAME"
                      + (served.isEmpty()
                          ? ""
                          : " (dray server at "
                              + api.server()
                              + " serves "
                              + String.join(", ", served)
                              + ")"));
            });
  }

  /** An empty history of an app the server does not serve is a typo, not "no releases yet". */
  @Override
  public List<DeployRecord> recent(String app, int limit) {
    List<DeployRecord> records = api.releases(app, limit);
    if (records.isEmpty()) {
      List<AppStatus> apps = api.apps();
      if (!RemoteApps.serves(apps, app)) {
        throw RemoteApps.notServed(apps, app, api.server());
      }
    }
    return records;
  }

  @Override
  public Optional<DeployJournal> journal(String id) {
    return api.journal(id);
  }
}
