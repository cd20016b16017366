package dev.dray.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When {@code dray status} and {@code dray releases} read from a server, decided before any I/O.
 */
class ServerOptionsTest {
  private static ServerOptions options(String server, boolean local, String app) {
    ServerOptions o = new ServerOptions();
    o.server = server;
    o.local = local;
    o.app = app;
    return o;
  }

  @Test
  void readsThisHostWhenNoServerIsConfigured() {
    assertThat(options(null, false, null).target(Map.of())).isEmpty();
    assertThat(options(null, false, null).target(Map.of("DRAY_SERVER", "  "))).isEmpty();
  }

  @Test
  void theOptionWinsOverTheEnvironment() {
    Map<String, String> env = Map.of("DRAY_SERVER", "http://a:1", "DRAY_SERVER_TOKEN", "t");

    assertThat(options("http://b:2", false, null).target(env))
        .hasValueSatisfying(t -> assertThat(t.base()).hasToString("http://b:2/"));
    assertThat(options(null, false, null).target(env))
        .hasValueSatisfying(t -> assertThat(t.base()).hasToString("http://a:1/"));
  }

  @Test
  void localIgnoresDrayServer() {
    Map<String, String> env = Map.of("DRAY_SERVER", "http://a:1", "DRAY_SERVER_TOKEN", "t");

    assertThat(options(null, true, null).target(env)).isEmpty();
  }

  @Test
  void refusesServerWithLocalAndAppWithoutAServer() {
    CliRun both = CliRun.of(Map.of(), "status", "--server", "http://a:1", "--local");
    CliRun app = CliRun.of(Map.of(), "releases", "--app", "hello");

    assertThat(both.code()).isEqualTo(1);
    assertThat(both.err()).startsWith("error: --server and --local contradict each other");
    assertThat(app.code()).isEqualTo(1);
    assertThat(app.err()).startsWith("error: --app needs a server");
  }
}
