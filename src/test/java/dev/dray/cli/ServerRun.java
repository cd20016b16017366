package dev.dray.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dray server …} run in-process on its own thread, as a user starts it: its URL and the API
 * token it prints once, read from its output; closing it stops it as Ctrl-C does.
 */
final class ServerRun implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+/)");
  private static final Pattern TOKEN =
      Pattern.compile("dray server: API token \\(shown once\\): ([A-Za-z0-9_-]{43})");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicInteger code = new AtomicInteger(-1);
  private final Thread thread;
  final URI url;
  final String token;

  private ServerRun(Map<String, String> env, String... args) {
    thread =
        Thread.ofPlatform()
            .name("dray-server-it")
            .start(
                () ->
                    code.set(
                        Main.commandLine(
                                new PrintWriter(out, true), new PrintWriter(err, true), env)
                            .execute(args)));
    await("the URL and token printed by dray server:\n" + transcript())
        .atMost(Duration.ofSeconds(60))
        .failFast("dray server ended early:\n" + transcript(), () -> !thread.isAlive())
        .until(() -> URL.matcher(out.toString()).find() && TOKEN.matcher(out.toString()).find());
    this.url = URI.create(group(URL));
    this.token = group(TOKEN);
  }

  /** Starts {@code dray server --port 0 args…} with {@code env}; its store is empty of tokens. */
  static ServerRun start(Map<String, String> env, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "server";
    all[1] = "--port";
    all[2] = "0";
    System.arraycopy(args, 0, all, 3, args.length);
    return new ServerRun(env, all);
  }

  /** The base URL without a trailing slash, as a user types it. */
  String address() {
    String s = url.toString();
    return s.substring(0, s.length() - 1);
  }

  String out() {
    return out.toString();
  }

  String transcript() {
    return "--- server out ---\n" + out + "--- server err ---\n" + err;
  }

  private String group(Pattern p) {
    Matcher m = p.matcher(out.toString());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(Duration.ofSeconds(90));
    assertThat(thread.isAlive()).as("dray server stopped:\n" + transcript()).isFalse();
    assertThat(code.get()).as(transcript()).isZero();
  }
}
