package dev.dray.server;

import static dev.dray.server.ServerIt.get;
import static dev.dray.server.ServerIt.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.cli.Main;
import dev.dray.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dray server} and {@code dray server token} as a user runs them, in process. */
class ServerCommandIT {
  @TempDir Path home;

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("DRAY_STORE");
    env.put("DRAY_HOME", home.toString());
    return env;
  }

  @Test
  void servesTheConfiguredAppShowsTheTokenOnceAndStopsCleanly() throws Exception {
    Path config = TestApps.config(home, "itcli").file();

    InProcessDray first =
        InProcessDray.start(env(), "server", "--port", "0", "--config", config.toString());
    URI url = first.awaitUrl();
    String token = first.awaitToken();

    assertThat(url.getHost()).isEqualTo("127.0.0.1");
    assertThat(first.out()).contains("dray server: serving itcli");
    var apps = get(url, "/api/apps", token);
    assertThat(apps.statusCode()).isEqualTo(200);
    assertThat(json(apps).get(0).get("app").asText()).isEqualTo("itcli");
    assertThat(get(url, "/api/apps", null).statusCode()).isEqualTo(401);
    assertThat(first.stop()).as(first.transcript()).isZero();
    assertThat(first.out()).contains("dray server: stopped");

    InProcessDray second =
        InProcessDray.start(env(), "server", "--port", "0", "--config", config.toString());
    URI again = second.awaitUrl();
    assertThat(get(again, "/api/apps", token).statusCode()).isEqualTo(200);
    assertThat(second.stop()).isZero();
    assertThat(second.out()).doesNotContain("API token");
  }

  @Test
  void tokenCommandPrintsANewTokenOnceAndKeepsOnlyItsHash() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env())
            .execute("server", "token");

    assertThat(code).as(err.toString()).isZero();
    String token = InProcessDray.token(out.toString()).orElseThrow(() -> new AssertionError(out));
    assertThat(out.toString()).contains("the previous token no longer works");
    try (Store store = Store.open(home.resolve("dray.db"))) {
      assertThat(store.tokens().find("default").orElseThrow().sha256())
          .isEqualTo(TokenAuthority.sha256Hex(token));
      assertThat(TokenAuthority.of(store.tokens()).accepts(token)).isTrue();
    }
  }

  @Test
  void tokenCommandReplacesTheTokenARunningServerAccepts() throws Exception {
    InProcessDray server = InProcessDray.start(env(), "server", "--port", "0");
    URI url = server.awaitUrl();
    String old = server.awaitToken();
    assertThat(server.out()).contains("dray server: serving no app");

    StringWriter out = new StringWriter();
    Main.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), env())
        .execute("server", "token");
    String rotated = InProcessDray.token(out.toString()).orElseThrow(() -> new AssertionError(out));

    assertThat(get(url, "/api/apps", old).statusCode()).isEqualTo(401);
    var now = get(url, "/api/apps", rotated);
    assertThat(now.statusCode()).isEqualTo(200);
    assertThat(json(now)).isEmpty();
    assertThat(server.stop()).isZero();
  }

  @Test
  void usesTheStoreGivenWithStore() {
    Path file = home.resolve("elsewhere").resolve("server.db");
    StringWriter out = new StringWriter();

    int code =
        Main.commandLine(
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), env())
            .execute("server", "token", "--store", file.toString());

    assertThat(code).isZero();
    try (Store store = Store.open(file)) {
      assertThat(store.tokens().find("default")).isPresent();
    }
    try (Store store = Store.open(home.resolve("dray.db"))) {
      assertThat(store.tokens().find("default")).isEmpty();
    }
    assertThat(List.of(code)).containsExactly(0);
  }
}
