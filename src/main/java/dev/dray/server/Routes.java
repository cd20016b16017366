package dev.dray.server;

/** The paths {@code dray server} answers, in one place. */
final class Routes {
  private Routes() {}

  /** Every path below needs the API token. */
  static final String API = "/api";

  static final String APPS = "/api/apps";
  static final String RELEASES = "/api/apps/{app}/releases";
  static final String BUILDS = "/api/apps/{app}/builds";
  static final String DEPLOY = "/api/apps/{app}/deploy";
  static final String ROLLBACK = "/api/apps/{app}/rollback";
  static final String DEPLOY_RECORD = "/api/deploys/{id}";
  static final String EVENTS = "/api/events";
  static final String METRICS_SUMMARY = "/api/metrics/summary";

  /** Prometheus text; no token. */
  static final String METRICS = "/metrics";

  /** Webhooks; authenticated by their own secrets, not the API token. */
  static final String GITHUB_HOOK = "/hooks/github/{app}";

  static final String REGISTRY_HOOK = "/hooks/registry";

  /** The dashboard's classpath directory (served at {@code /}). */
  static final String DASHBOARD = "/dev/dray/server/dashboard";
}
