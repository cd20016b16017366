package dev.dray.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.server.InProcessDray;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * {@code dray server …} run in process ({@link InProcessDray}), as a user starts it: its URL and
 * the API token it prints once; closing it stops it as Ctrl-C does and expects exit code 0.
 */
final class ServerRun implements AutoCloseable {
  private final InProcessDray dray;
  final URI url;
  final String token;

  private ServerRun(InProcessDray dray) {
    this.dray = dray;
    this.url = dray.awaitUrl();
    this.token = dray.awaitToken();
  }

  /** Starts {@code dray server --port 0 args…} with {@code env}; its store is empty of tokens. */
  static ServerRun start(Map<String, String> env, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "server";
    all[1] = "--port";
    all[2] = "0";
    System.arraycopy(args, 0, all, 3, args.length);
    return new ServerRun(InProcessDray.start(env, all));
  }

  /** The base URL without a trailing slash, as a user types it. */
  String address() {
    String s = url.toString();
    return s.substring(0, s.length() - 1);
  }

  String out() {
    return dray.out();
  }

  String transcript() {
    return dray.transcript();
  }

  @Override
  public void close() throws InterruptedException {
    int code = dray.stop(Duration.ofSeconds(90));
    assertThat(code).as(transcript()).isZero();
  }
}
