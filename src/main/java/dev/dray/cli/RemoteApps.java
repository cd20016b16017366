package dev.dray.cli;

import dev.dray.server.AppStatus;
import java.util.List;
import java.util.Optional;

/** Turns dray server's {@code GET /api/apps} answer into what the CLI shows. */
final class RemoteApps {
  private static final String RUNNING = "running";

  private RemoteApps() {}

  /**
   * The app named {@code app} among those {@code server} serves.
   *
   * @throws ServerApiException (not found) listing the apps it serves
   */
  static AppStatus find(List<AppStatus> apps, String app, String server) {
    return apps.stream()
        .filter(a -> a.app().equals(app))
        .findFirst()
        .orElseThrow(() -> notServed(apps, app, server));
  }

  static ServerApiException notServed(List<AppStatus> apps, String app, String server) {
    List<String> names = apps.stream().map(AppStatus::app).toList();
    return new ServerApiException(
        ServerApiException.Reason.NOT_FOUND,
        server,
        404,
        "dray server at "
            + server
            + " does not serve the app "
            + app
            + (names.isEmpty()
                ? " (it serves none)"
                : " (it serves " + String.join(", ", names) + ")"),
        "check --app or the service of dray.yml; the server serves the apps of its --config files",
        null);
  }

  /** The status lines of {@code status}: a service runs when its newest container does. */
  static StatusView view(AppStatus status, String origin) {
    List<StatusView.Service> services =
        status.services().stream()
            .map(
                s ->
                    new StatusView.Service(
                        s.name(), RUNNING.equals(s.state()) ? List.of(container(s)) : List.of()))
            .toList();
    return new StatusView(
        status.app(),
        origin,
        services,
        new StatusView.Proxy(status.proxy() != null && status.proxy().running(), List.of()));
  }

  private static StatusView.Container container(AppStatus.Service s) {
    return new StatusView.Container(
        s.version() == null ? "?" : s.version(),
        s.image() == null ? "?" : s.image(),
        Optional.ofNullable(s.since()),
        s.health() == null ? "-" : s.health(),
        s.restarts(),
        Optional.empty(),
        List.of());
  }
}
