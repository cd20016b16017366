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

  /** The server answers 404 for an app it does not serve: say which ones it does. */
  @Override
  public List<DeployRecord> recent(String app, int limit) {
    try {
      return api.releases(app, limit);
    } catch (ServerApiException e) {
      if (e.reason() == ServerApiException.Reason.NOT_FOUND) {
        throw RemoteApps.notServed(api.apps(), app, api.server());
      }
      throw e;
    }
  }

  @Override
  public Optional<DeployJournal> journal(String id) {
    return api.journal(id);
  }
}
