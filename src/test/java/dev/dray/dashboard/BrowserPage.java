package dev.dray.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One Chromium tab driven through DevTools: navigate, evaluate JavaScript, wait for a condition,
 * take screenshots. Console errors, uncaught exceptions and native dialogs are recorded; native
 * dialogs are accepted so a page can never hang on one.
 */
final class BrowserPage {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final CdpConnection cdp;
  private final Optional<String> session;
  private final List<String> console = new CopyOnWriteArrayList<>();
  private final List<String> nativeDialogs = new CopyOnWriteArrayList<>();

  BrowserPage(CdpConnection cdp, String sessionId) {
    this.cdp = cdp;
    this.session = Optional.of(sessionId);
    cdp.onEvent(this::onEvent);
    call("Page.enable", params());
    call("Runtime.enable", params());
    viewport(1280, 900, false);
  }

  private void onEvent(JsonNode event) {
    if (!session.get().equals(event.path("sessionId").asText())) {
      return;
    }
    JsonNode params = event.path("params");
    switch (event.path("method").asText()) {
      case "Runtime.consoleAPICalled" -> {
        String type = params.path("type").asText();
        if (type.equals("error") || type.equals("warning")) {
          console.add(type + ": " + params.path("args").toString());
        }
      }
      case "Runtime.exceptionThrown" ->
          console.add("exception: " + params.path("exceptionDetails").toString());
      case "Page.javascriptDialogOpening" -> {
        nativeDialogs.add(params.path("type").asText() + ": " + params.path("message").asText());
        call("Page.handleJavaScriptDialog", params().put("accept", true));
      }
      default -> {}
    }
  }

  static ObjectNode params() {
    return CdpConnection.JSON.createObjectNode();
  }

  JsonNode call(String method, ObjectNode params) {
    return cdp.call(session, method, params);
  }

  /** Sets the viewport size in CSS pixels; mobile turns on touch-style meta viewport handling. */
  void viewport(int width, int height, boolean mobile) {
    call(
        "Emulation.setDeviceMetricsOverride",
        params()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", 1)
            .put("mobile", mobile));
  }

  /** Loads a URL and waits until the document and its modules have loaded. */
  void navigate(String url) {
    JsonNode result = call("Page.navigate", params().put("url", url));
    if (result.hasNonNull("errorText")) {
      throw new AssertionError("cannot load " + url + ": " + result.get("errorText").asText());
    }
    waitFor("document.readyState === 'complete'", "page " + url + " loaded");
  }

  /** Evaluates an expression (promises awaited) and returns its JSON value. */
  JsonNode eval(String expression) {
    JsonNode result =
        call(
            "Runtime.evaluate",
            params()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true)
                .put("userGesture", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError(
          "JavaScript failed: " + expression + "\n" + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  String evalText(String expression) {
    JsonNode value = eval(expression);
    return value.isNull() || value.isMissingNode() ? null : value.asText();
  }

  /** Polls a JavaScript condition until it is truthy; fails with what the page showed. */
  void waitFor(String condition, String what) {
    waitFor(condition, what, WAIT);
  }

  /** {@link #waitFor(String, String)} for up to {@code wait}. */
  void waitFor(String condition, String what, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      if (eval("!!(" + condition + ")").asBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        String body = evalText("document.body ? document.body.innerText : ''");
        throw new AssertionError(
            "timed out after "
                + wait.toSeconds()
                + " s waiting for "
                + what
                + " ("
                + condition
                + ")\nconsole: "
                + console
                + "\npage text:\n"
                + body);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Saves a PNG of the whole page (beyond the viewport) or of what the viewport shows. */
  void screenshot(Path file, boolean fullPage) {
    eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    ObjectNode request = params().put("format", "png").put("captureBeyondViewport", fullPage);
    if (fullPage) {
      JsonNode size =
          eval(
              "({w: document.documentElement.clientWidth,"
                  + " h: Math.max(document.documentElement.scrollHeight, innerHeight)})");
      request.set(
          "clip",
          params()
              .put("x", 0)
              .put("y", 0)
              .put("width", size.get("w").asInt())
              .put("height", size.get("h").asInt())
              .put("scale", 1));
    }
    String data = call("Page.captureScreenshot", request).get("data").asText();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, Base64.getDecoder().decode(data));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Console errors/warnings and uncaught exceptions seen so far. */
  List<String> console() {
    return List.copyOf(console);
  }

  /** Native alert/confirm/prompt dialogs the page opened (and that were accepted). */
  List<String> nativeDialogs() {
    return List.copyOf(nativeDialogs);
  }
}
