package dev.dray.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dray.deploy.TestServices;
import dev.dray.engine.DockerEngine;
import dev.dray.server.InProcessDray;
import dev.dray.server.ServerIt;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless Chromium against a real {@code dray server} running in this JVM: its
 * own store and dray home, an app built by {@code dray build} into the local registry and rolled
 * out by the server's deployer to dockerd behind HAProxy.
 *
 * <p>One story in order: v1 runs when the tests begin; a user signs in, watches v2 roll out live,
 * rolls back to v1 from the dashboard, reads the figures of all that, and is signed out when the
 * token is rotated. The screenshots of docs/dashboard.md come from here ({@code
 * -Ddray.screenshots=docs/img}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardOnServerIT {
  private static final Duration ROLLOUT = Duration.ofSeconds(120);

  @TempDir static Path tmp;

  private static DockerEngine engine;
  private static ShopApp app;
  private static InProcessDray server;
  private static URI url;
  private static String token;

  private Dashboard dashboard;

  @BeforeAll
  static void deployV1() {
    Chromium.requireInstalled();
    engine = TestServices.engine();
    app = ShopApp.create(tmp, engine);
    app.build("v1");
    app.build("v2");
    server =
        InProcessDray.start(app.env(), "server", "--port", "0", "--config", app.config.toString());
    url = server.awaitUrl();
    token = server.awaitToken();
    app.approve("v1");
    assertThat(post("/deploy", "{\"version\":\"v1\"}").statusCode()).isEqualTo(202);
    awaitRelease(0, "deploy", "v1", "SUCCEEDED");
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    try {
      if (server != null) {
        assertThat(server.stop()).as(server.transcript()).isZero();
      }
    } finally {
      if (app != null) {
        app.close();
      }
      if (engine != null) {
        engine.close();
      }
    }
  }

  @BeforeEach
  void openBrowser() {
    dashboard = new Dashboard(url);
  }

  @AfterEach
  void closeBrowser() {
    dashboard.close();
  }

  @Test
  @Order(1)
  void signsInOnlyWithTheTokenTheServerPrinted() {
    dashboard.page().viewport(1280, 640, false);
    dashboard.open();
    dashboard.waitFor("document.activeElement?.id === 'token'", "focus in the token field");
    dashboard.screenshot("login");

    dashboard.submitToken("not-the-token");
    dashboard.waitFor("!document.querySelector('#login-error').hidden", "the login error");
    assertThat(dashboard.text("#login-error")).contains("not accepted");
    assertThat(dashboard.visible("#app-view")).isFalse();

    dashboard.signIn(token);
    assertThat(dashboard.visible("#login-view")).isFalse();
    assertThat(dashboard.page().evalText("sessionStorage.getItem('dray.token')")).isEqualTo(token);
    assertThat(dashboard.text("#app-title")).isEqualTo(app.name);
    assertThat(dashboard.text("#app-summary"))
        .contains("2 services", "serving v1", "proxy running");
    assertThat(dashboard.texts("table.services tbody tr"))
        .satisfiesExactly(
            web -> assertThat(web).contains("web", "v1", app.image, "running"),
            worker -> assertThat(worker).contains("worker", "v1", "running"));
    assertThat(dashboard.texts("table.releases tbody tr"))
        .singleElement()
        .asString()
        .contains("succeeded", "v1", "deploy", "ana");
  }

  @Test
  @Order(2)
  void aDeployStartedThroughTheApiAppearsLiveAndItsStepsFollowItToTheEnd() {
    dashboard.open().signIn(token);
    dashboard.waitFor(
        "document.querySelector('#live-status').dataset.state === 'live'", "the event stream");
    dashboard.page().eval("window.notReloaded = true");

    HttpResponse<String> queued = post("/deploy", "{\"version\":\"v2\"}");
    assertThat(queued.statusCode()).isEqualTo(202);
    assertThat(ServerIt.json(queued).get("queued").asBoolean()).isTrue();
    String deployId = ServerIt.json(queued).get("deployId").asText();

    dashboard.waitLong(
        "document.querySelector('table.releases tbody tr')?.dataset.outcome === 'RUNNING'",
        "the running release on top of the list");
    assertThat(dashboard.text("table.releases tbody tr:first-child")).contains("running", "v2");
    dashboard.waitLong(
        "[...document.querySelectorAll('#live-log li')].some(li => li.innerText.includes('health"
            + " check web'))",
        "the health check in the live log");
    assertThat(dashboard.texts("#live-log li").getFirst()).contains("started", "deploy v2");
    assertThat(dashboard.text(".live-head")).contains("Rollout", "running");

    dashboard.click("table.releases tbody tr:first-child a.deploy-link");
    dashboard.waitFor(
        "[...document.querySelectorAll('.deploy-detail .timeline .step')].some(s =>"
            + " s.dataset.state === 'STARTED' && s.innerText.includes('health check web'))",
        "the step timeline waiting for the new container's health check");
    dashboard.waitFor(
        "/probe ([3-9]|\\d{2,})\\/400: GET \\/up → 404/"
            + ".test(document.querySelector('#live-log li[data-type=HealthProbe]')?.innerText)",
        "the new container's third failing probe");
    assertThat(
            dashboard
                .page()
                .eval("document.querySelectorAll('#live-log li[data-type=HealthProbe]').length")
                .asInt())
        .as("a container's probes fold into one line")
        .isEqualTo(1);
    assertThat(app.get("/version")).as("the old version serves meanwhile").isEqualTo("v1");
    dashboard.screenshot("live");

    app.approve("v2");
    dashboard.waitLong(
        "document.querySelector('table.releases tbody tr').dataset.outcome === 'SUCCEEDED'",
        "the release marked succeeded");
    dashboard.waitFor(
        "document.querySelector('.live-head')?.innerText.includes('succeeded')",
        "the live log's rollout marked succeeded");
    dashboard.waitFor(
        "[...document.querySelectorAll('.deploy-detail .timeline .step')].every(s =>"
            + " s.dataset.state === 'DONE')",
        "every step of the timeline done");
    dashboard.waitFor(
        "document.querySelector('#app-summary').innerText.includes('serving v2')",
        "the services running v2");
    assertThat(dashboard.texts("#live-log li").getLast()).contains("finished", "succeeded");
    assertThat(dashboard.texts(".deploy-detail .timeline .step"))
        .anySatisfy(s -> assertThat(s).contains("switch web traffic"))
        .anySatisfy(s -> assertThat(s).contains("drain"));
    assertThat(dashboard.page().eval("window.notReloaded === true").asBoolean())
        .as("all of it without a reload")
        .isTrue();
    assertThat(app.get("/version")).isEqualTo("v2");
    assertThat(releases().getFirst().get("id").asText())
        .as("the id the deploy request was answered with names its release")
        .isEqualTo(deployId);
    HttpResponse<String> record = ServerIt.get(url, "/api/deploys/" + deployId, token);
    assertThat(record.statusCode()).isEqualTo(200);
    assertThat(ServerIt.json(record).get("record").get("version").asText()).isEqualTo("v2");
    assertThat(dashboard.texts("#live-log li"))
        .as("the trigger events of the request name their source")
        .anySatisfy(l -> assertThat(l).contains("api · version v2", "finished", "succeeded"));
    assertThat(dashboard.page().console()).isEmpty();
    dashboard.screenshot("deploy-steps");
  }

  @Test
  @Order(3)
  void rollbackFromTheDashboardAfterConfirmationReturnsTheProxyToThePreviousVersion() {
    dashboard.open().signIn(token);

    dashboard.click("#rollback");
    dashboard.waitFor("document.querySelector('#confirm').open", "the confirmation dialog");
    assertThat(dashboard.text("#confirm-title")).isEqualTo("Roll back " + app.name + "?");
    assertThat(dashboard.text("#confirm-body")).contains("v2 serves now");
    dashboard.screenshotViewport("rollback-confirm");
    dashboard.click("#confirm-cancel");
    dashboard.waitFor("!document.querySelector('#confirm').open", "the dialog closed");

    dashboard.click("#rollback");
    dashboard.waitFor("document.querySelector('#confirm').open", "the confirmation dialog again");
    dashboard.click("#confirm-ok");
    dashboard.waitFor(
        "document.querySelector('#action-status').innerText.includes('queued')",
        "the queued notice");
    assertThat(dashboard.text("#action-status")).contains("Rollback of " + app.name + " queued");
    String stepsLink =
        dashboard
            .page()
            .eval("document.querySelector('#action-status a')?.getAttribute('href') ?? ''")
            .asText();
    assertThat(stepsLink).as("the queued notice links to the rollout's steps").contains("/deploy/");
    String rollbackId =
        java.net.URLDecoder.decode(
            stepsLink.substring(stepsLink.lastIndexOf('/') + 1),
            java.nio.charset.StandardCharsets.UTF_8);

    dashboard.waitLong(
        "(r => r?.dataset.outcome === 'SUCCEEDED' && r.innerText.includes('rollback'))"
            + "(document.querySelector('table.releases tbody tr'))",
        "the rollback on top of the releases, succeeded");
    assertThat(dashboard.text("table.releases tbody tr:first-child")).contains("v1", "rollback");
    dashboard.waitFor(
        "document.querySelector('#app-summary').innerText.includes('serving v1')",
        "the services running v1 again");
    assertThat(app.get("/version")).isEqualTo("v1");
    assertThat(releases())
        .as("one rollback: the cancelled dialog sent nothing")
        .extracting(r -> r.get("kind").asText() + " " + r.get("version").asText())
        .containsExactly("rollback v1", "deploy v2", "deploy v1");
    assertThat(releases().getFirst().get("id").asText()).isEqualTo(rollbackId);
    dashboard.click("#action-status a");
    dashboard.waitFor(
        "[...document.querySelectorAll('.deploy-detail .timeline .step')].length > 0 &&"
            + " [...document.querySelectorAll('.deploy-detail .timeline .step')].every(s =>"
            + " s.dataset.state === 'DONE')",
        "the rollback's steps behind the notice's link");
    assertThat(dashboard.page().nativeDialogs()).isEmpty();
  }

  @Test
  @Order(4)
  void showsTheFiguresBuildsAndReleasesOfWhatHappened() {
    dashboard.open().signIn(token);
    dashboard.waitFor(
        "document.querySelectorAll('#figures figure.chart').length === 11", "11 charts");

    assertThat(dashboard.texts("#figures figcaption"))
        .contains(
            "Build success rate 100 %",
            "Deploys per day 2",
            "Deploy success rate 100 %",
            "Rollbacks per day 1",
            "Change failure rate 50 %");
    assertThat(
            dashboard
                .page()
                .eval(
                    "[...document.querySelectorAll('#figures figure.chart')].map(f => f.dataset.series + ' ' + (f.querySelector('svg circle.dot.last, svg rect.bar') ? 'drawn' : 'empty'))"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "build_duration drawn",
            "cache_hit_rate drawn",
            "image_size drawn",
            "build_success_rate drawn",
            "deploy_frequency drawn",
            "deploy_success_rate drawn",
            "time_to_deploy drawn",
            "rollback_frequency drawn",
            "lead_time drawn",
            "change_failure_rate drawn",
            "time_to_restore drawn");
    assertThat(dashboard.texts("table.builds tbody tr"))
        .hasSize(2)
        .allSatisfy(b -> assertThat(b).contains(app.name, "succeeded", "site", "runtime"));
    assertThat(dashboard.texts("table.releases tbody tr")).hasSize(3);
    assertThat(dashboard.page().console()).isEmpty();
    dashboard.screenshot("overview");
  }

  @Test
  @Order(5)
  void anUnsignedGitHubDeliveryShowsInTheLiveLogAsARefusedTrigger() {
    dashboard.open().signIn(token);
    dashboard.waitFor(
        "document.querySelector('#live-status').dataset.state === 'live'", "the event stream");

    HttpResponse<String> refused =
        ServerIt.send(
            HttpRequest.newBuilder(url.resolve("/hooks/github/" + app.name))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(refused.statusCode()).isEqualTo(401);
    dashboard.waitFor("document.querySelector('#live-log li[data-type=trigger]')", "the trigger");
    assertThat(dashboard.text("#live-log li[data-type=trigger]"))
        .contains("github · refused", "unsigned delivery");
  }

  @Test
  @Order(6)
  void onAPhoneTheTablesStackWithoutSidewaysScrolling() {
    dashboard.page().viewport(390, 844, true);
    dashboard.open().signIn(token);
    dashboard.waitFor("document.querySelectorAll('#figures svg').length === 11", "charts");

    assertThat(dashboard.page().eval("document.documentElement.scrollWidth - innerWidth").asInt())
        .isLessThanOrEqualTo(0);
    assertThat(
            dashboard
                .page()
                .evalText(
                    "getComputedStyle(document.querySelector('table.services thead')).display"))
        .isEqualTo("none");
    dashboard.screenshotViewport("mobile");
  }

  @Test
  @Order(7)
  void everyControlHasAnAccessibleName() {
    dashboard.open().signIn(token);
    dashboard.click("table.releases tbody tr:first-child a.deploy-link");
    dashboard.waitFor("document.querySelector('.deploy-detail')", "the step timeline");
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

  @Test
  @Order(8)
  void aTokenRotatedWithDrayServerTokenSendsTheUserBackToSignIn() {
    dashboard.open().signIn(token);

    String rotated =
        InProcessDray.token(app.dray("server", "token")).orElseThrow(AssertionError::new);
    dashboard.click("table.releases tbody tr:first-child a.deploy-link");

    dashboard.waitFor("!document.querySelector('#login-view').hidden", "the sign-in form");
    assertThat(dashboard.text("#login-error")).contains("no longer accepts your token");
    assertThat(dashboard.page().evalText("sessionStorage.getItem('dray.token')")).isNull();
    dashboard.signIn(rotated);
    assertThat(dashboard.text("#app-title")).isEqualTo(app.name);
    token = rotated;
  }

  private static HttpResponse<String> post(String action, String body) {
    return ServerIt.post(url, "/api/apps/" + app.name + action, token, body);
  }

  /** The app's releases, newest first, as the API lists them. */
  private static List<JsonNode> releases() {
    HttpResponse<String> response = ServerIt.get(url, "/api/apps/" + app.name + "/releases", token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    ServerIt.json(response).forEach(out::add);
    return out;
  }

  private static void awaitRelease(int index, String kind, String version, String outcome) {
    await(kind + " " + version + " " + outcome)
        .atMost(ROLLOUT)
        .failFast(
            "a rollout failed:\n" + server.transcript(),
            () -> releases().stream().anyMatch(r -> r.get("outcome").asText().equals("FAILED")))
        .untilAsserted(
            () ->
                assertThat(releases())
                    .as(server.transcript())
                    .element(index)
                    .satisfies(
                        r -> {
                          assertThat(r.get("kind").asText()).isEqualTo(kind);
                          assertThat(r.get("version").asText()).isEqualTo(version);
                          assertThat(r.get("outcome").asText()).isEqualTo(outcome);
                        }));
  }
}
