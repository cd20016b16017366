package dev.dray.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dray.Secret;
import dev.dray.deploy.Deployer;
import dev.dray.server.DrayServer;
import dev.dray.server.FigureSummary;
import dev.dray.server.Rollouts;
import dev.dray.server.ServerIt;
import dev.dray.server.TestApps;
import dev.dray.store.DeployRecord;
import dev.dray.store.Store;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds {@link FakeDrayApi} to the real {@link DrayServer}: loaded with the same data, both answer
 * the same requests with the same status and the same JSON, so the browser tests on the fake test
 * the dashboard against what the server really sends. Each test runs against both.
 */
class FakeApiContractIT {
  private static final String FAILED_DEPLOY = "c7e2a91f04b34d12";

  @TempDir static Path home;

  private static final DashboardData DATA = new DashboardData();
  private static Store store;
  private static DrayServer server;
  private static FakeDrayApi fake;
  private static String token;

  @BeforeAll
  static void start() {
    store = Store.open(home.resolve("dray.db"));
    for (DeployRecord r : DATA.releases()) {
      ServerIt.keep(store, r);
      DATA.journal(r).forEach(store.deploys()::step);
    }
    DATA.builds().reversed().forEach(store.builds()::record);
    List<Secret> shown = new CopyOnWriteArrayList<>();
    server =
        DrayServer.builder(store)
            .port(0)
            .apps(List.of(TestApps.served(home, DashboardData.APP)))
            .engine(TestApps.unusedEngine())
            .rollouts(new QueuedNowhere())
            .onNewToken(shown::add)
            .build()
            .start();
    token = shown.getFirst().reveal();

    fake = new FakeDrayApi(token);
    fake.apps(DATA.apps());
    for (DeployRecord r : DATA.releases()) {
      fake.release(r);
      DATA.journal(r).forEach(fake::step);
    }
    fake.builds(DashboardData.APP, DATA.builds());
    fake.summary(DATA.summary());
  }

  @AfterAll
  static void stop() {
    if (fake != null) {
      fake.close();
    }
    if (server != null) {
      server.stop();
    }
    if (store != null) {
      store.close();
    }
  }

  static Stream<Arguments> backends() {
    return Stream.of(
        Arguments.of("DrayServer", server.url()), Arguments.of("FakeDrayApi", fake.baseUrl()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void refusesAMissingOrWrongTokenWithAnError(String name, URI base) {
    HttpResponse<String> none = ServerIt.get(base, "/api/apps", null);
    HttpResponse<String> wrong = ServerIt.get(base, "/api/apps", "not-the-token");
    HttpResponse<String> events = ServerIt.get(base, "/api/events?token=not-the-token", null);

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(ServerIt.json(none).get("error").asText()).isEqualTo("missing API token");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(ServerIt.json(wrong).get("error").asText()).isEqualTo("wrong API token");
    assertThat(events.statusCode()).isEqualTo(401);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void listsReleasesNewestFirstUpToTheLimit(String name, URI base) {
    JsonNode releases = ok(base, "/api/apps/shop/releases?limit=2");

    assertThat(releases)
        .extracting(r -> r.get("id").asText())
        .containsExactly("d1f0c3a2b9e84c7d", FAILED_DEPLOY);
    assertThat(releases.get(1).get("outcome").asText()).isEqualTo("ROLLED_BACK");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void refusesTheReleasesOfAnAppItDoesNotServe(String name, URI base) {
    HttpResponse<String> unknown = ServerIt.get(base, "/api/apps/nope/releases", token);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(ServerIt.json(unknown).get("error").asText())
        .startsWith("app nope is not served here");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void showsADeployWithItsJournalAndRefusesAnUnknownOne(String name, URI base) {
    JsonNode deploy = ok(base, "/api/deploys/" + FAILED_DEPLOY);
    HttpResponse<String> unknown = ServerIt.get(base, "/api/deploys/ffffffff", token);

    assertThat(deploy.get("record").get("id").asText()).isEqualTo(FAILED_DEPLOY);
    assertThat(deploy.get("steps")).hasSize(10);
    assertThat(deploy.get("steps").get(9).get("state").asText()).isEqualTo("FAILED");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(ServerIt.json(unknown).get("error").asText()).contains("ffffffff");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void listsTheBuildsOfTheAppsService(String name, URI base) {
    JsonNode builds = ok(base, "/api/apps/shop/builds?limit=10");

    assertThat(builds)
        .extracting(b -> b.get("id").asText())
        .containsExactly("b-0003", "b-0002", "b-0001");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void summarisesTheFiguresAsSeriesOfDailyPoints(String name, URI base) {
    JsonNode summary = ok(base, "/api/metrics/summary?app=shop");

    assertThat(summary.get("app").asText()).isEqualTo("shop");
    assertThat(summary.get("series"))
        .extracting(s -> s.get("name").asText())
        .containsExactlyElementsOf(FigureSummary.NAMES);
    assertThat(summary.get("series"))
        .allSatisfy(
            s -> {
              assertThat(s.get("unit").asText())
                  .isEqualTo(FigureSummary.unitOf(s.get("name").asText()));
              assertThat(s.get("points")).hasSize(summary.get("days").asInt());
              assertThat(s.get("points").get(0).get("day").asText())
                  .matches("\\d{4}-\\d\\d-\\d\\d");
            });
    assertThat(ServerIt.get(base, "/api/metrics/summary", token).statusCode()).isEqualTo(400);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void queuesRolloutsOfAServedAppAndRefusesTheOthers(String name, URI base) {
    HttpResponse<String> deploy =
        ServerIt.post(base, "/api/apps/shop/deploy", token, "{\"version\":\"1.5.0\"}");
    HttpResponse<String> rollback = ServerIt.post(base, "/api/apps/shop/rollback", token, "");

    assertThat(deploy.statusCode()).isEqualTo(202);
    String deployId = ServerIt.json(deploy).get("deployId").asText();
    assertThat(deployId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(deploy.body())
        .isEqualTo(
            "{\"deployId\":\""
                + deployId
                + "\",\"queued\":true,\"app\":\"shop\",\"kind\":\"deploy\",\"version\":\"1.5.0\"}");
    assertThat(ServerIt.json(rollback).get("deployId").asText()).isNotIn("", deployId);
    assertThat(rollback.statusCode()).isEqualTo(202);
    assertThat(ServerIt.json(rollback).get("kind").asText()).isEqualTo("rollback");
    assertThat(ServerIt.json(rollback).get("version").isNull()).isTrue();
    assertThat(ServerIt.post(base, "/api/apps/shop/deploy", token, "{}").statusCode())
        .isEqualTo(400);
    assertThat(
            ServerIt.post(base, "/api/apps/nope/deploy", token, "{\"version\":\"1\"}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void bothWriteTheSameFieldsOfTheSameTypes() {
    for (String path :
        List.of(
            "/api/apps/shop/releases",
            "/api/deploys/" + FAILED_DEPLOY,
            "/api/apps/shop/builds",
            "/api/metrics/summary?app=shop")) {
      assertThat(shape(ok(fake.baseUrl(), path))).as(path).isEqualTo(shape(ok(server.url(), path)));
    }
  }

  private static JsonNode ok(URI base, String path) {
    HttpResponse<String> response = ServerIt.get(base, path, token);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return ServerIt.json(response);
  }

  /**
   * Every field path with the JSON types it holds anywhere, such as {@code [].steps[].at:string}.
   */
  private static List<String> shape(JsonNode node) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    shape("", node, out);
    return new ArrayList<>(out);
  }

  private static void shape(String path, JsonNode node, java.util.Set<String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> shape(path + "." + e.getKey(), e.getValue(), out));
    } else if (node.isArray()) {
      node.forEach(e -> shape(path + "[]", e, out));
    } else if (!node.isNull()) {
      out.add(path + ":" + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** Rollouts that are queued and never run. */
  private static final class QueuedNowhere implements Rollouts {
    @Override
    public String deploy(String app, String version) {
      return Deployer.newDeployId();
    }

    @Override
    public String rollback(String app, Optional<String> version) {
      return Deployer.newDeployId();
    }
  }
}
