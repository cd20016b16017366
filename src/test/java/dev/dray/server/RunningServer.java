package dev.dray.server;

import static org.awaitility.Awaitility.await;

import dev.dray.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * {@code dray server …} as a user runs it, in process on a thread of its own: the URL and API token
 * it prints, what else it printed, and stopping it as Ctrl-C would.
 */
final class RunningServer {
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+/)");
  private static final Pattern TOKEN =
      Pattern.compile("dray server: API token \\(shown once\\): ([A-Za-z0-9_-]{43})");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicInteger code = new AtomicInteger(-1);
  private final Thread thread;
  private final URI url;
  private final String token;

  private RunningServer(Map<String, String> env, String... args) {
    thread =
        Thread.ofPlatform()
            .name("dray-server-it")
            .start(
                () ->
                    code.set(
                        Main.commandLine(
                                new PrintWriter(out, true), new PrintWriter(err, true), env)
                            .execute(args)));
    url = URI.create(awaitPrinted(URL, "the URL printed by dray server"));
    token = awaitPrinted(TOKEN, "the API token printed at first start");
  }

  /** Runs {@code dray args…} (such as {@code server --port 0 -c dray.yml}) with {@code env}. */
  static RunningServer start(Map<String, String> env, String... args) {
    return new RunningServer(env, args);
  }

  URI url() {
    return url;
  }

  String token() {
    return token;
  }

  boolean isRunning() {
    return thread.isAlive();
  }

  /** Both streams so far, for failure messages. */
  String transcript() {
    return "--- dray server out ---\n" + out + "--- dray server err ---\n" + err;
  }

  /** Stops the server as Ctrl-C would and returns its exit code. */
  int stop() throws InterruptedException {
    thread.interrupt();
    thread.join(Duration.ofSeconds(90));
    if (thread.isAlive()) {
      throw new AssertionError("dray server did not stop in 90s:\n" + transcript());
    }
    return code.get();
  }

  private String awaitPrinted(Pattern pattern, String what) {
    try {
      await(what)
          .atMost(Duration.ofSeconds(60))
          .failFast("dray server ended early", () -> !thread.isAlive())
          .until(() -> pattern.matcher(out.toString()).find());
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw new AssertionError(e.getMessage() + "\n" + transcript(), e);
    }
    Matcher m = pattern.matcher(out.toString());
    m.find();
    return m.group(1);
  }
}
