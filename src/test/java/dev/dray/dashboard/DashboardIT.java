package dev.dray.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dray.deploy.DeployEvent;
import dev.dray.store.DeployRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real headless Chromium against {@link FakeDrayApi}, for what a real server
 * does not show on demand: a rollout that failed and was rolled back, an app whose container
 * restarts, another app's events, a request that fails. {@link DashboardOnServerIT} drives the
 * dashboard through the rest against a real {@code dray server}.
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
    api.summary(data.summary());
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
  void aRolledBackDeployShowsItsFailedStepAndTheFailureOnTop() {
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
  }

  @Test
  void eventsOfAnotherAppStayOutOfTheLiveLog() {
    dashboard.open().signIn(TOKEN);
    waitForSubscriber();
    Instant now = Instant.now();
    api.push("blog", "ffff0000", new DeployEvent.StepStarted(now, "ffff0000", 1, "1. pull blog"));
    api.push("shop", "eeee0000", new DeployEvent.StepStarted(now, "eeee0000", 1, "1. pull shop"));

    dashboard.waitFor("document.querySelectorAll('#live-log li').length >= 1", "a live line");
    assertThat(dashboard.texts("#live-log li")).singleElement().asString().contains("pull shop");
  }

  @Test
  void aSectionThatFailsToLoadSaysSoWhileTheOthersShow() {
    api.fail("/api/metrics/summary", 503);
    api.fail("/api/apps/shop/builds", 500);

    dashboard.open().signIn(TOKEN);

    dashboard.waitFor("document.querySelector('#figures .error')", "the figures' error");
    assertThat(dashboard.text("#figures"))
        .isEqualTo("Could not load figures: the store cannot be read");
    dashboard.waitFor("document.querySelector('#builds .error')", "the builds' error");
    assertThat(dashboard.texts("table.releases tbody tr")).hasSize(5);
    assertThat(dashboard.visible("#login-view")).isFalse();
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

  private void waitForSubscriber() {
    await()
        .alias("the dashboard connects to /api/events")
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.subscribers() > 0);
  }
}
