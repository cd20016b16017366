package dev.dray.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium this test process starts, driven through the DevTools protocol; closing it
 * ends that process (and its children) only.
 */
final class Chromium implements AutoCloseable {
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final Process process;
  private final Path profile;
  private final CdpConnection cdp;

  private Chromium(Process process, Path profile, URI devtools) {
    this.process = process;
    this.profile = profile;
    this.cdp = new CdpConnection(devtools);
  }

  /**
   * Starts Chromium from $DRAY_CHROMIUM, or {@code chromium} / {@code chromium-browser} on PATH.
   */
  static Chromium start() {
    String binary = binary();
    Path profile;
    try {
      profile = Files.createTempDirectory("dray-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProcessBuilder builder =
        new ProcessBuilder(
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--lang=en-US",
            "--window-size=1280,900",
            "--user-data-dir=" + profile,
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "about:blank");
    builder.environment().put("TZ", "UTC");
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      deleteQuietly(profile);
      throw new AssertionError("cannot start " + binary + ": " + e.getMessage(), e);
    }
    CompletableFuture<URI> devtools = new CompletableFuture<>();
    Deque<String> tail = new ArrayDeque<>();
    Thread.ofPlatform()
        .daemon()
        .name("chromium-stderr")
        .start(() -> readStderr(process, devtools, tail));
    try {
      return new Chromium(process, profile, devtools.get(STARTUP.toSeconds(), TimeUnit.SECONDS));
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      stop(process, profile);
      String lines;
      synchronized (tail) {
        lines = String.join("\n", tail);
      }
      throw new AssertionError(
          "Chromium did not print its DevTools URL within " + STARTUP + "; its stderr:\n" + lines,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(process, profile);
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      stop(process, profile);
      throw e;
    }
  }

  /** Fails, saying what to install, when no Chromium can be started. */
  static void requireInstalled() {
    binary();
  }

  private static String binary() {
    String configured = System.getenv("DRAY_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      if (!Files.isExecutable(Path.of(configured))) {
        throw new AssertionError(
            "DRAY_CHROMIUM=" + configured + " is not an executable Chromium/Chrome binary");
      }
      return configured;
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    throw new AssertionError(
        "Chromium is not installed, the dashboard's browser tests need it: run `apt-get install -y"
            + " chromium` (or set DRAY_CHROMIUM to a Chromium/Chrome binary)");
  }

  private static void readStderr(
      Process process, CompletableFuture<URI> devtools, Deque<String> tail) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > 40) {
            tail.removeFirst();
          }
        }
        Matcher m = DEVTOOLS.matcher(line);
        if (m.find()) {
          devtools.complete(URI.create(m.group(1)));
        }
      }
    } catch (IOException e) {
      devtools.completeExceptionally(e);
    }
    devtools.completeExceptionally(new IOException("Chromium exited"));
  }

  /** Opens a new tab and attaches to it. */
  BrowserPage newPage() {
    JsonNode created =
        cdp.call(
            Optional.empty(),
            "Target.createTarget",
            CdpConnection.JSON.createObjectNode().put("url", "about:blank"));
    String targetId = created.get("targetId").asText();
    JsonNode attached =
        cdp.call(
            Optional.empty(),
            "Target.attachToTarget",
            CdpConnection.JSON.createObjectNode().put("targetId", targetId).put("flatten", true));
    return new BrowserPage(cdp, attached.get("sessionId").asText());
  }

  @Override
  public void close() {
    cdp.close();
    stop(process, profile);
  }

  private static void stop(Process process, Path profile) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteQuietly(profile);
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover temp profile is harmless
    }
  }
}
