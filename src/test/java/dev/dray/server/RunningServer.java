package dev.dray.server;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * {@code dray server …} as a user runs it, in process ({@link InProcessDray}), with the URL and the
 * API token it printed at its first start.
 */
final class RunningServer {
  private final InProcessDray dray;
  private final URI url;
  private final String token;

  private RunningServer(InProcessDray dray) {
    this.dray = dray;
    this.url = dray.awaitUrl();
    this.token = dray.awaitToken();
  }

  /** Runs {@code dray args…} (such as {@code server --port 0 -c dray.yml}) with {@code env}. */
  static RunningServer start(Map<String, String> env, String... args) {
    return new RunningServer(InProcessDray.start(env, args));
  }

  URI url() {
    return url;
  }

  String token() {
    return token;
  }

  boolean isRunning() {
    return dray.isRunning();
  }

  /** Both streams so far, for failure messages. */
  String transcript() {
    return dray.transcript();
  }

  /** Stops the server as Ctrl-C would and returns its exit code. */
  int stop() throws InterruptedException {
    return dray.stop(Duration.ofSeconds(90));
  }
}
