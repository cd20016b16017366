package dev.dray.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dray.store.DeployRecord;
import dev.dray.store.DeployStepRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real headless Chromium against {@link FakeDrayApi}, which serves the
 * dashboard's files from the classpath and the REST/SSE shapes of SERVER-SPEC. Screenshots land in
 * docs/img for the docs.
 */
class DashboardIT {
  private static final String TOKEN = "k3Jd8s-2hQpX_0vLm4nTqR7wYz1aBcD5eFgH6iJ9kLo";

  private final DashboardData data = new DashboardData();
  private FakeDrayApi api;
  private Dashboard dashboard;

  @BeforeEach
  void start() {
    api = new FakeDrayApi(TOKEN);
    api.apps(data.apps());
    List<DeployRecord> releases = data.releases();
    releases.forEach(api::release);
    releases.forEach(r -> data.journal(r).forEach(api::step));
    api.builds(DashboardData.APP, data.builds());
    api.summary(DashboardData.APP, data.summary());
    dashboard = new Dashboard(api.baseUrl());
  }

  @AfterEach
  void stop() {
    if (dashboard != null) {
      dashboard.close();
    }
    api.close();
  }

  @Test
  void wrongTokenShowsAnErrorAndTheRightOneOpensTheApps() {
    dashboard.page().viewport(1280, 640, false);
    dashboard.open();
    dashboard.waitFor("document.activeElement?.id === 'token'", "focus in the token field");
    dashboard.screenshot("login");

    dashboard.submitToken("not-the-token");
    dashboard.waitFor("!document.querySelector('#login-error').hidden", "the login error");
    assertThat(dashboard.text("#login-error")).contains("not accepted");
    assertThat(dashboard.visible("#app-view")).isFalse();
    assertThat(api.rejected()).contains("GET /api/apps");

    dashboard.signIn(TOKEN);
    assertThat(dashboard.visible("#login-view")).isFalse();
    assertThat(dashboard.page().evalText("sessionStorage.getItem('dray.token')")).isEqualTo(TOKEN);
  }

  @Test
  void showsServicesReleasesBuildsAndFiguresOfTheApp() {
    dashboard.open().signIn(TOKEN);
    dashboard.waitFor(
        "document.querySelectorAll('#figures figure.chart svg').length === 6", "6 charts");
    dashboard.waitFor(
        "document.querySelectorAll('table.builds tbody tr').length === 3", "3 builds");

    assertThat(dashboard.text("#app-title")).isEqualTo("shop");
    assertThat(dashboard.text("#app-summary"))
        .contains("3 services", "serving 1.4.2", "proxy running");
    assertThat(dashboard.texts("table.services tbody tr"))
        .satisfiesExactly(
            web ->
                assertThat(web)
                    .contains(
                        "web", "1.4.2", "sha256:4f2a9c1b0e7d", "healthy", "running", "42 min ago"),
            apiRow -> assertThat(apiRow).contains("api", "healthy"),
            worker ->
                assertThat(worker)
                    .contains("worker", "sha256:9b1c3e5f7a2d", "no check", "running", "2"));

    assertThat(dashboard.texts("table.releases tbody tr"))
        .satisfiesExactly(
            r -> assertThat(r).contains("succeeded", "1.4.2", "deploy", "d1f0c3a2", "38 s"),
            r -> assertThat(r).contains("rolled back", "1.4.1", "c7e2a91f", "1 min 11 s"),
            r -> assertThat(r).contains("succeeded", "1.4.0", "rollback"),
            r -> assertThat(r).contains("succeeded", "1.4.0", "deploy"),
            r -> assertThat(r).contains("failed", "1.3.9"));

    assertThat(dashboard.texts("table.builds tbody tr:first-child .stage"))
        .containsExactly(
            "✓ deps cached · 4/4 cached", "▶ build ran · 2/4 cached", "▶ runtime ran · 1/2 cached");
    assertThat(dashboard.text("table.builds tbody tr:first-child"))
        .contains("web", "9.4 s", "succeeded", "70 %");
    assertThat(dashboard.text("table.builds tbody tr:nth-child(3)"))
        .contains("failed", "RUN npm test: exit code 1");

    assertThat(dashboard.texts("#figures figcaption"))
        .containsExactly(
            "Build duration 9.1 s",
            "Cache hit rate 95 %",
            "Deploys per day 3",
            "Deploy success rate 100 %",
            "Rollbacks per day 0",
            "Lead time (commit → deploy) 30 min");
    assertThat(
            dashboard
                .page()
                .evalText("document.querySelector('#figures svg').getAttribute('aria-label')"))
        .contains("Build duration", "14 days", "latest 9.1 s");
    assertThat(dashboard.page().console()).isEmpty();
    dashboard.screenshot("overview");
  }

  @Test
  void clickingAReleaseShowsItsStepTimelineWithDurations() {
    dashboard.open().signIn(TOKEN);
    dashboard.click("table.releases tbody tr:nth-child(2) a.deploy-link");
    dashboard.waitFor(
        "document.querySelector('.deploy-detail[data-deploy=c7e2a91f04b34d12]')", "deploy detail");
    assertThat(dashboard.visible("#deploy-panel .deploy-detail")).isTrue();
    assertThat(dashboard.text("#deploy-panel h2")).isEqualTo("Steps");

    assertThat(dashboard.page().evalText("location.hash"))
        .isEqualTo("#/app/shop/deploy/c7e2a91f04b34d12");
    assertThat(dashboard.text(".deploy-detail .detail-head"))
        .contains("Deploy of 1.4.1", "rolled back");
    assertThat(dashboard.text(".deploy-detail .failure"))
        .contains("5. health check web (shop-web-141-8)", "exited with code 1");
    List<String> steps = dashboard.texts(".deploy-detail .timeline .step");
    assertThat(steps).hasSize(5);
    assertThat(steps.get(1))
        .contains("pull 127.0.0.1:5000/acme/shop@sha256:4f2a", "done", "6.2 s", "3 layers, 41 MB");
    assertThat(steps.get(4))
        .contains("health check web (shop-web-141-8)", "failed", "9.8 s", "exited with code 1");
    assertThat(
            dashboard
                .page()
                .evalText("document.querySelector('.timeline .step:last-child').dataset.state"))
        .isEqualTo("FAILED");
    assertThat(
            dashboard
                .page()
                .evalText("document.querySelector('table.releases tr.selected').dataset.deploy"))
        .isEqualTo("c7e2a91f04b34d12");

    dashboard.click("table.releases tbody tr:nth-child(1) a.deploy-link");
    dashboard.waitFor(
        "document.querySelector('.deploy-detail[data-deploy=d1f0c3a2b9e84c7d]')",
        "newest deploy detail");
    dashboard.screenshot("deploy-steps");
  }

  @Test
  void aLiveDeploymentAppearsAndItsStepsStreamIn() {
    dashboard.open().signIn(TOKEN);
    dashboard.waitFor(
        "document.querySelector('#live-status').dataset.state === 'live'", "SSE connected");
    waitForSubscriber();

    DeployRecord running = data.running("e5b7c9d1f3a24b60", "1.5.0");
    api.release(running);
    api.push("deploy", event(running, "DeployStarted", null, 0, "deploy 1.5.0 (10 steps)"));
    dashboard.waitFor(
        "document.querySelector('table.releases tbody tr')?.dataset.deploy === 'e5b7c9d1f3a24b60'",
        "the new release on top of the list");
    assertThat(dashboard.text("table.releases tbody tr:first-child")).contains("running", "1.5.0");

    List<DeployStepRecord> journal = data.journal(running);
    for (int i = 0; i < 8; i += 2) {
      DeployStepRecord started = journal.get(i);
      DeployStepRecord done = journal.get(i + 1);
      api.step(started);
      api.push("deploy", event(running, "StepStarted", started.step(), started.seq(), ""));
      api.step(done);
      api.push("deploy", event(running, "StepFinished", done.step(), done.seq(), done.detail()));
    }
    DeployStepRecord health = journal.get(8);
    api.step(health);
    api.push("deploy", event(running, "StepStarted", health.step(), health.seq(), ""));
    dashboard.waitFor(
        "document.querySelectorAll('#live-log li').length === 10", "10 live log lines");

    List<String> lines = dashboard.texts("#live-log li");
    assertThat(lines.get(0)).contains("started", "deploy 1.5.0");
    assertThat(lines.get(1)).contains("1. proxy: 127.0.0.1:8080 → shop_web");
    assertThat(lines.get(4)).contains("2. pull", "3 layers, 41 MB");
    assertThat(lines.get(9)).contains("5. health check web (shop-web-150-8)");
    assertThat(dashboard.text(".live-head")).contains("Rollout e5b7c9d1", "running");

    dashboard.click("table.releases tbody tr:first-child a.deploy-link");
    dashboard.waitFor(
        "document.querySelectorAll('.deploy-detail[data-deploy=e5b7c9d1f3a24b60] .timeline .step').length === 5",
        "the running deploy's timeline with 5 steps");
    assertThat(dashboard.text(".deploy-detail .timeline .step:last-child"))
        .contains("health check web", "running");
    dashboard.screenshot("live");

    DeployStepRecord healthy = journal.get(9);
    api.step(healthy);
    api.push(
        "deploy", event(running, "StepFinished", healthy.step(), healthy.seq(), healthy.detail()));
    dashboard.waitFor(
        "document.querySelector('.deploy-detail .timeline .step:last-child')?.dataset.state === 'DONE'",
        "the timeline following the live step");

    api.release(
        new DeployRecord(
            running.id(),
            running.app(),
            running.kind(),
            running.version(),
            running.images(),
            running.who(),
            running.startedAt(),
            Optional.of(Instant.now()),
            DeployRecord.SUCCEEDED,
            Optional.empty(),
            Optional.empty()));
    api.push("deploy", event(running, "DeployFinished", null, 0, "SUCCEEDED in 38 s"));
    dashboard.waitFor(
        "document.querySelector('table.releases tbody tr').dataset.outcome === 'SUCCEEDED'",
        "the release marked succeeded");
    assertThat(dashboard.text(".live-head")).contains("succeeded");
    assertThat(dashboard.texts("#live-log li").getLast()).contains("finished", "SUCCEEDED");
  }

  @Test
  void eventsOfAnotherAppStayOutOfTheLiveLog() {
    dashboard.open().signIn(TOKEN);
    waitForSubscriber();
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("deployId", "ffff0000");
    other.put("app", "blog");
    other.put("type", "StepStarted");
    other.put("step", "1. pull blog");
    other.put("seq", 1);
    other.put("detail", "");
    other.put("at", Instant.now().toString());
    api.push("deploy", other);
    Map<String, Object> mine = new LinkedHashMap<>(other);
    mine.put("app", "shop");
    mine.put("step", "1. pull shop");
    api.push("deploy", mine);
    dashboard.waitFor("document.querySelectorAll('#live-log li').length >= 1", "a live line");
    assertThat(dashboard.texts("#live-log li")).singleElement().asString().contains("pull shop");
  }

  @Test
  void rollbackAsksForConfirmationAndPostsToTheApi() {
    dashboard.open().signIn(TOKEN);

    dashboard.click("#rollback");
    dashboard.waitFor("document.querySelector('#confirm').open", "the confirmation dialog");
    assertThat(dashboard.text("#confirm-title")).isEqualTo("Roll back shop?");
    assertThat(dashboard.text("#confirm-body")).contains("1.4.2 serves now");
    dashboard.screenshotViewport("rollback-confirm");
    dashboard.click("#confirm-cancel");
    dashboard.waitFor("!document.querySelector('#confirm').open", "the dialog closed");
    assertThat(api.received()).isEmpty();

    dashboard.click("#rollback");
    dashboard.waitFor("document.querySelector('#confirm').open", "the confirmation dialog again");
    dashboard.click("#confirm-ok");
    dashboard.waitFor(
        "document.querySelector('#action-status').innerText.includes('queued')",
        "the queued notice");

    assertThat(api.received())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("POST");
              assertThat(r.path()).isEqualTo("/api/apps/shop/rollback");
              assertThat(r.body().has("version")).isFalse();
            });
    assertThat(dashboard.text("#action-status")).contains("Rollback of shop queued");
    assertThat(dashboard.page().nativeDialogs()).isEmpty();
  }

  @Test
  void deployPostsTheTypedVersionAfterConfirmation() {
    dashboard.open().signIn(TOKEN);
    dashboard.fill("#deploy-version", "1.5.0");
    dashboard.click("#deploy-submit");
    dashboard.waitFor("document.querySelector('#confirm').open", "the confirmation dialog");
    assertThat(dashboard.text("#confirm-title")).isEqualTo("Deploy shop 1.5.0?");
    assertThat(dashboard.text("#confirm-ok")).isEqualTo("Deploy 1.5.0");
    dashboard.click("#confirm-ok");
    dashboard.waitFor(
        "document.querySelector('#action-status').innerText.includes('queued')",
        "the queued notice");

    assertThat(api.received())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("/api/apps/shop/deploy");
              assertThat(r.body().path("version").asText()).isEqualTo("1.5.0");
            });
  }

  @Test
  void aRotatedTokenSendsTheUserBackToTheLoginWithAMessage() {
    dashboard.open().signIn(TOKEN);
    api.rotateToken("a-new-token");
    dashboard.click("table.releases tbody tr:first-child a.deploy-link");
    dashboard.waitFor("!document.querySelector('#login-view').hidden", "the login view");
    assertThat(dashboard.text("#login-error")).contains("no longer accepts your token");
    assertThat(dashboard.page().evalText("sessionStorage.getItem('dray.token')")).isNull();
  }

  @Test
  void switchingAppsShowsTheOtherAppsServices() {
    dashboard.open().signIn(TOKEN);
    dashboard
        .page()
        .eval(
            "(() => { const s = document.querySelector('#app-select'); s.value = 'blog';"
                + " s.dispatchEvent(new Event('change')); })()");
    dashboard.waitFor("document.querySelector('#app-title').innerText === 'blog'", "the blog app");
    assertThat(dashboard.text("table.services tbody tr")).contains("unhealthy", "restarting", "5");
    assertThat(dashboard.text("#app-summary")).contains("proxy stopped");
    dashboard.waitFor("document.querySelector('#releases .empty')", "no releases of blog");
  }

  @Test
  void onANarrowScreenTheTablesStackWithoutSidewaysScrolling() {
    dashboard.page().viewport(390, 844, true);
    dashboard.open().signIn(TOKEN);
    dashboard.waitFor("document.querySelectorAll('#figures svg').length === 6", "charts");
    int overflow =
        dashboard.page().eval("document.documentElement.scrollWidth - innerWidth").asInt();
    assertThat(overflow).isLessThanOrEqualTo(0);
    assertThat(
            dashboard
                .page()
                .evalText(
                    "getComputedStyle(document.querySelector('table.services thead')).display"))
        .isEqualTo("none");
    dashboard.screenshotViewport("mobile");
  }

  @Test
  void everyControlHasAnAccessibleName() {
    dashboard.open().signIn(TOKEN);
    dashboard.click("#rollback");
    dashboard.waitFor("document.querySelector('#confirm').open", "the confirmation dialog");
    var unnamed =
        dashboard
            .page()
            .eval(
                "[...document.querySelectorAll('input, select, button, a[href]')]"
                    + ".filter(el => el.getClientRects().length > 0)"
                    + ".filter(el => !(el.labels?.length || el.getAttribute('aria-label')"
                    + " || (el.matches('button, a') && el.innerText.trim())))"
                    + ".map(el => el.outerHTML)");
    assertThat(unnamed).as("controls without a label or text").isEmpty();
  }

  private void waitForSubscriber() {
    await()
        .alias("the dashboard connects to /api/events")
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.subscribers() > 0);
  }

  private static Map<String, Object> event(
      DeployRecord deploy, String type, String step, int seq, String detail) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("deployId", deploy.id());
    e.put("app", deploy.app());
    e.put("type", type);
    e.put("step", step);
    e.put("seq", seq);
    e.put("detail", detail);
    e.put("at", Instant.now().toString());
    return e;
  }
}
