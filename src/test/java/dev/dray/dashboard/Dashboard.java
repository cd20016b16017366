package dev.dray.dashboard;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The dashboard in a real headless Chromium, as a user drives it: sign in, read the sections, click
 * the buttons. Everything it needs from the server is behind one base URL, so the same page object
 * drives the fake API of the tests or a real {@code dray server}.
 */
final class Dashboard implements AutoCloseable {
  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("dray.screenshots", "target/screenshots"));

  private final URI baseUrl;
  private final Chromium chromium;
  private final BrowserPage page;

  Dashboard(URI baseUrl) {
    this.baseUrl = baseUrl;
    this.chromium = Chromium.start();
    try {
      this.page = chromium.newPage();
    } catch (RuntimeException e) {
      chromium.close();
      throw e;
    }
  }

  BrowserPage page() {
    return page;
  }

  Dashboard open() {
    page.navigate(baseUrl.resolve("/").toString());
    return this;
  }

  /** Types a token into the login form and submits it. */
  Dashboard submitToken(String token) {
    page.waitFor("!document.querySelector('#login-view').hidden", "the login view");
    fill("#token", token);
    page.eval("document.querySelector('#login-form').requestSubmit()");
    return this;
  }

  /** Signs in and waits until the services of the first app are shown. */
  Dashboard signIn(String token) {
    submitToken(token);
    waitFor(
        "document.querySelectorAll('table.services tbody tr').length > 0", "the services table");
    waitFor(
        "document.querySelectorAll('table.releases tbody tr').length > 0", "the releases table");
    return this;
  }

  void fill(String selector, String value) {
    page.eval(
        "(() => { const el = document.querySelector("
            + js(selector)
            + "); el.focus(); el.value = "
            + js(value)
            + "; el.dispatchEvent(new Event('input', {bubbles: true})); })()");
  }

  void click(String selector) {
    waitFor("document.querySelector(" + js(selector) + ")", selector);
    page.eval("document.querySelector(" + js(selector) + ").click()");
  }

  /** The visible text of the first element matching the selector ("" when there is none). */
  String text(String selector) {
    String text =
        page.evalText(
            "(document.querySelector("
                + js(selector)
                + ")?.innerText ?? '').replace(/\\s+/g, ' ').trim()");
    return text == null ? "" : text;
  }

  /** The visible texts of every element matching the selector. */
  java.util.List<String> texts(String selector) {
    var values =
        page.eval(
            "[...document.querySelectorAll("
                + js(selector)
                + ")].map(e => e.innerText.replace(/\\s+/g, ' ').trim())");
    java.util.List<String> result = new java.util.ArrayList<>();
    values.forEach(v -> result.add(v.asText()));
    return result;
  }

  boolean visible(String selector) {
    return page.eval(
            "(() => { const el = document.querySelector("
                + js(selector)
                + "); return !!el && el.getClientRects().length > 0; })()")
        .asBoolean();
  }

  void waitFor(String condition, String what) {
    page.waitFor(condition, what);
  }

  /** Waits for something that takes a rollout's time, such as a real deploy's end. */
  void waitLong(String condition, String what) {
    page.waitFor(condition, what, Duration.ofSeconds(120));
  }

  /**
   * Saves the whole page as target/screenshots/dashboard-NAME.png; -Ddray.screenshots=docs/img
   * refreshes the docs.
   */
  Path screenshot(String name) {
    return screenshot(name, true);
  }

  /** Saves what the viewport shows (a modal dialog's backdrop covers only the viewport). */
  Path screenshotViewport(String name) {
    return screenshot(name, false);
  }

  private Path screenshot(String name, boolean fullPage) {
    Path file = SCREENSHOTS.resolve("dashboard-" + name + ".png");
    page.eval("document.activeElement?.blur?.()");
    page.screenshot(file, fullPage);
    return file;
  }

  static String js(String value) {
    return FakeDrayApi.write(value);
  }

  @Override
  public void close() {
    chromium.close();
  }
}
