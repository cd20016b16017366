package dev.dray.server;

import static org.awaitility.Awaitility.await;

import dev.dray.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code dray …} command running on its own thread in this JVM, whose output can be read while it
 * runs: how tests run {@code dray server} as a user would, and stop it as Ctrl-C would.
 */
public final class InProcessDray {
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+/)");
  private static final Pattern TOKEN =
      Pattern.compile("dray server: API token \\(shown once\\): ([A-Za-z0-9_-]{43})");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicInteger code = new AtomicInteger(-1);
  private final Thread thread;

  private InProcessDray(Map<String, String> env, String... args) {
    thread =
        Thread.ofPlatform()
            .name("dray " + String.join(" ", args))
            .start(
                () ->
                    code.set(
                        Main.commandLine(
                                new PrintWriter(out, true), new PrintWriter(err, true), env)
                            .execute(args)));
  }

  /** Starts {@code dray args…} with {@code env} as its whole environment. */
  public static InProcessDray start(Map<String, String> env, String... args) {
    return new InProcessDray(env, args);
  }

  /** What it printed on stdout so far. */
  public String out() {
    return out.toString();
  }

  /** Both streams so far, for failure messages. */
  public String transcript() {
    return "--- out ---\n" + out + "--- err ---\n" + err;
  }

  /** The URL {@code dray server} prints once it listens. */
  public URI awaitUrl() {
    await("the URL printed by dray server")
        .atMost(Duration.ofSeconds(60))
        .failFast("dray server ended early:\n" + transcript(), () -> !thread.isAlive())
        .until(() -> URL.matcher(out()).find());
    Matcher m = URL.matcher(out());
    m.find();
    return URI.create(m.group(1));
  }

  /** The API token a first start prints, once it is printed. */
  public String awaitToken() {
    await("the API token printed by dray server")
        .atMost(Duration.ofSeconds(10))
        .until(() -> token(out()).isPresent());
    return token(out()).orElseThrow();
  }

  /** The first API token in {@code output}, as {@code dray server} and its token command print. */
  public static Optional<String> token(String output) {
    Matcher m = TOKEN.matcher(output);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Whether the command still runs. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /** Stops it as Ctrl-C would and returns its exit code; fails when it does not end in 30s. */
  public int stop() throws InterruptedException {
    return stop(Duration.ofSeconds(30));
  }

  /**
   * Stops it as Ctrl-C would and returns its exit code; fails when it does not end within {@code
   * limit} (a server lets a rollout under way finish first).
   */
  public int stop(Duration limit) throws InterruptedException {
    thread.interrupt();
    thread.join(limit);
    if (thread.isAlive()) {
      throw new AssertionError("dray did not stop within " + limit + ":\n" + transcript());
    }
    return code.get();
  }
}
