package dev.dray.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeCommandsTest {
  private static final ServerOptions OPTIONS = new ServerOptions(Duration.ofMillis(250));

  @Test
  void addsAServerWithChecksAndAnUnboundedConnectionPool() {
    assertThat(
            RuntimeCommands.addServer(
                "hello_web", new Upstream("hello-web-2", "127.0.0.1:32770"), OPTIONS))
        .isEqualTo(
            "add server hello_web/hello-web-2 127.0.0.1:32770 check inter 250ms rise 2 fall 2"
                + " pool-max-conn -1 pool-purge-delay 5s");
  }

  @Test
  void switchesInOneLine() {
    String line =
        RuntimeCommands.chain(
            List.of(
                RuntimeCommands.setState("bk", "new", "ready"),
                RuntimeCommands.setState("bk", "old", "drain")));

    assertThat(line).isEqualTo("set server bk/new state ready; set server bk/old state drain");
  }

  @Test
  void namesTheOtherCommands() {
    assertThat(RuntimeCommands.enableHealth("bk", "s")).isEqualTo("enable health bk/s");
    assertThat(RuntimeCommands.delServer("bk", "s")).isEqualTo("del server bk/s");
    assertThat(RuntimeCommands.showServersState("bk")).isEqualTo("show servers state bk");
    assertThat(RuntimeCommands.showStat("bk")).isEqualTo("show stat bk 4 -1");
  }

  @Test
  void refusesANameThatWouldSplitTheCommandLine() {
    assertThatThrownBy(() -> RuntimeCommands.setState("bk", "x; del server bk/y", "ready"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("server name");
  }

  @Test
  void takesEmptyAnswersAndKnownMessagesAsSuccess() {
    assertThat(RuntimeCommands.errors("New server registered.\n\n\n")).isEmpty();
    assertThat(RuntimeCommands.errors("\n\n")).isEmpty();
    assertThat(RuntimeCommands.errors("Server deleted.\n\n")).isEmpty();
  }

  @Test
  void reportsAnyOtherAnswerAsTheCommandsError() {
    assertThatThrownBy(
            () ->
                RuntimeCommands.requireSuccess(
                    "set server bk/nope state ready; set server bk/old state drain",
                    "No such server.\n\n\n"))
        .isInstanceOfSatisfying(
            ProxyCommandException.class,
            e -> {
              assertThat(e.command())
                  .isEqualTo("set server bk/nope state ready; set server bk/old state drain");
              assertThat(e.getMessage()).endsWith(": No such server.");
            });
  }
}
