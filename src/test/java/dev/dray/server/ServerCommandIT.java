package dev.dray.server;

import static dev.dray.server.ServerIt.get;
import static dev.dray.server.ServerIt.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dray.cli.Main;
import dev.dray.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dray server} and {@code dray server token} as a user runs them, in process. */
class ServerCommandIT {
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+/)");
  private static final Pattern TOKEN =
      Pattern.compile("dray server: API token \\(shown once\\): ([A-Za-z0-9_-]{43})");

  @TempDir Path home;

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("DRAY_STORE");
    env.put("DRAY_HOME", home.toString());
    return env;
  }

  /** A {@code dray …} run on its own thread, whose output can be read while it runs. */
  private static final class Running {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicInteger code = new AtomicInteger(-1);
    final Thread thread;

    Running(Map<String, String> env, String... args) {
      thread =
          Thread.ofPlatform()
              .start(
                  () ->
                      code.set(
                          Main.commandLine(
                                  new PrintWriter(out, true), new PrintWriter(err, true), env)
                              .execute(args)));
    }

    String transcript() {
      return "--- out ---\n" + out + "--- err ---\n" + err;
    }

    URI awaitUrl() {
      await("the URL printed by dray server")
          .atMost(Duration.ofSeconds(60))
          .failFast("dray server ended early", () -> !thread.isAlive())
          .until(() -> URL.matcher(out.toString()).find());
      Matcher m = URL.matcher(out.toString());
      m.find();
      return URI.create(m.group(1));
    }

    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(Duration.ofSeconds(30));
      assertThat(thread.isAlive()).as("dray server stopped:\n" + transcript()).isFalse();
      return code.get();
    }
  }

  @Test
  void servesTheConfiguredAppShowsTheTokenOnceAndStopsCleanly() throws Exception {
    Path config = TestApps.config(home, "itcli").file();

    Running first = new Running(env(), "server", "--port", "0", "--config", config.toString());
    URI url = first.awaitUrl();
    await().atMost(Duration.ofSeconds(5)).until(() -> TOKEN.matcher(first.out.toString()).find());
    Matcher m = TOKEN.matcher(first.out.toString());
    m.find();
    String token = m.group(1);

    assertThat(url.getHost()).isEqualTo("127.0.0.1");
    assertThat(first.out.toString()).contains("dray server: serving itcli");
    var apps = get(url, "/api/apps", token);
    assertThat(apps.statusCode()).isEqualTo(200);
    assertThat(json(apps).get(0).get("app").asText()).isEqualTo("itcli");
    assertThat(get(url, "/api/apps", null).statusCode()).isEqualTo(401);
    assertThat(first.stop()).as(first.transcript()).isZero();
    assertThat(first.out.toString()).contains("dray server: stopped");

    Running second = new Running(env(), "server", "--port", "0", "--config", config.toString());
    URI again = second.awaitUrl();
    assertThat(get(again, "/api/apps", token).statusCode()).isEqualTo(200);
    assertThat(second.stop()).isZero();
    assertThat(second.out.toString()).doesNotContain("API token");
  }

  @Test
  void tokenCommandPrintsANewTokenOnceAndKeepsOnlyItsHash() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env())
            .execute("server", "token");

    assertThat(code).as(err.toString()).isZero();
    Matcher m = TOKEN.matcher(out.toString());
    assertThat(m.find()).as(out.toString()).isTrue();
    String token = m.group(1);
    assertThat(out.toString()).contains("the previous token no longer works");
    try (Store store = Store.open(home.resolve("dray.db"))) {
      assertThat(store.tokens().find("default").orElseThrow().sha256())
          .isEqualTo(TokenAuthority.sha256Hex(token));
      assertThat(TokenAuthority.of(store.tokens()).accepts(token)).isTrue();
    }
  }

  @Test
  void tokenCommandReplacesTheTokenARunningServerAccepts() throws Exception {
    Running server = new Running(env(), "server", "--port", "0");
    URI url = server.awaitUrl();
    await().atMost(Duration.ofSeconds(5)).until(() -> TOKEN.matcher(server.out.toString()).find());
    Matcher first = TOKEN.matcher(server.out.toString());
    first.find();
    String old = first.group(1);
    assertThat(server.out.toString()).contains("dray server: serving no app");

    StringWriter out = new StringWriter();
    Main.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), env())
        .execute("server", "token");
    Matcher rotated = TOKEN.matcher(out.toString());
    assertThat(rotated.find()).isTrue();

    assertThat(get(url, "/api/apps", old).statusCode()).isEqualTo(401);
    var now = get(url, "/api/apps", rotated.group(1));
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
