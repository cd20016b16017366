package dev.dray.server;

/**
 * The page served at {@code /} when the dashboard's assets are not on the classpath: says what the
 * server offers, without any script or external resource.
 */
final class BuiltInPage {
  private BuiltInPage() {}

  static final String HTML =
      """
      <!doctype html>
      <html lang="en">
      <head><meta charset="utf-8"><title>dray server</title></head>
      <body>
      <h1>dray server</h1>
      <p>The dashboard is not part of this build. The server answers:</p>
      <ul>
        <li><code>GET /api/apps</code>, <code>/api/apps/{app}/releases</code>,
            <code>/api/apps/{app}/builds</code>, <code>/api/deploys/{id}</code>,
            <code>/api/metrics/summary</code> with <code>Authorization: Bearer &lt;token&gt;</code></li>
        <li><code>GET /api/events?token=…</code>: live events (server-sent events)</li>
        <li><code>GET /metrics</code>: Prometheus metrics</li>
      </ul>
      </body>
      </html>
      """;
}
