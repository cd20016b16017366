package dev.dray.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dray.build.BuildReport;
import dev.dray.store.AmbiguousIdException;
import dev.dray.store.BuildHistory;
import dev.dray.store.DeployHistory;
import dev.dray.store.DeployRecord;
import dev.dray.store.DeployStepRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST API under {@code /api}: what runs ({@code apps}), history ({@code releases}, {@code
 * deploys/{id}}, {@code builds}), chart data ({@code metrics/summary}) and rollout requests ({@code
 * deploy}, {@code rollback}). Every answer is JSON; the token is checked before.
 */
final class ApiRoutes {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 1_000;
  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 366;

  private final Map<String, ServedApp> apps;
  private final AppsView appsView;
  private final BuildHistory builds;
  private final DeployHistory deploys;
  private final Rollouts rollouts;
  private final FigureSource figures;

  ApiRoutes(
      Map<String, ServedApp> apps,
      AppsView appsView,
      BuildHistory builds,
      DeployHistory deploys,
      Rollouts rollouts,
      FigureSource figures) {
    this.apps = apps;
    this.appsView = appsView;
    this.builds = builds;
    this.deploys = deploys;
    this.rollouts = rollouts;
    this.figures = figures;
  }

  void register(RoutesConfig routes) {
    routes.get(Routes.APPS, this::apps);
    routes.get(Routes.RELEASES, this::releases);
    routes.get(Routes.DEPLOY_RECORD, this::deployRecord);
    routes.get(Routes.BUILDS, this::builds);
    routes.get(Routes.METRICS_SUMMARY, this::summary);
    routes.post(Routes.DEPLOY, this::deploy);
    routes.post(Routes.ROLLBACK, this::rollback);
  }

  private void apps(Context ctx) {
    List<AppStatus> out = apps.values().stream().map(appsView::status).toList();
    json(ctx, 200, out);
  }

  private void releases(Context ctx) {
    List<DeployRecord> out = deploys.recent(served(ctx), limit(ctx));
    json(ctx, 200, out);
  }

  private void deployRecord(Context ctx) {
    String id = ctx.pathParam("id");
    DeployRecord record;
    try {
      record =
          deploys
              .find(id)
              .orElseThrow(
                  () ->
                      ApiRefusal.notFound(
                          rollouts
                              .fate(id)
                              .map(f -> "deploy " + id + " has no record: " + f)
                              .orElse("no deploy has an id starting with " + id)));
    } catch (AmbiguousIdException e) {
      throw ApiRefusal.badRequest(e.getMessage());
    }
    List<DeployStepRecord> steps = deploys.steps(record.id());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("record", record);
    out.put("steps", steps);
    json(ctx, 200, out);
  }

  private void builds(Context ctx) {
    List<BuildReport> out = builds.recent(Optional.of(ctx.pathParam("app")), limit(ctx));
    json(ctx, 200, out);
  }

  private void summary(Context ctx) {
    String app =
        Optional.ofNullable(ctx.queryParam("app"))
            .map(String::strip)
            .filter(a -> !a.isEmpty())
            .orElseThrow(
                () -> ApiRefusal.badRequest("the figures are per app: ask for ?app=<name>"));
    int days = intParam(ctx, "days", DEFAULT_DAYS, 1, MAX_DAYS);
    json(ctx, 200, figures.daily(app, days));
  }

  private void deploy(Context ctx) {
    String app = served(ctx);
    String version =
        text(body(ctx), "version")
            .orElseThrow(
                () -> ApiRefusal.badRequest("a deploy needs a version: {\"version\":\"1.4.2\"}"));
    String id = rollouts.deploy(app, version);
    json(ctx, 202, RolloutQueued.of(id, app, "deploy", Optional.of(version)));
  }

  private void rollback(Context ctx) {
    String app = served(ctx);
    Optional<String> version = text(body(ctx), "version");
    String id = rollouts.rollback(app, version);
    json(ctx, 202, RolloutQueued.of(id, app, "rollback", version));
  }

  private String served(Context ctx) {
    String app = ctx.pathParam("app");
    if (!apps.containsKey(app)) {
      throw ApiRefusal.notFound(
          "app "
              + app
              + " is not served here"
              + (apps.isEmpty() ? "" : "; served: " + apps.keySet()));
    }
    return app;
  }

  private static JsonNode body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      return ServerJson.mapper().createObjectNode();
    }
    try {
      JsonNode node = ServerJson.mapper().readTree(text);
      if (!node.isObject()) {
        throw ApiRefusal.badRequest("the request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiRefusal.badRequest(
          "the request body is not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
  }

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw ApiRefusal.badRequest("\"" + field + "\" must be a non-empty string");
    }
    return Optional.of(value.asText().strip());
  }

  private static int limit(Context ctx) {
    return intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiRefusal.badRequest(name + " must be a whole number from " + min + " to " + max);
  }

  static void json(Context ctx, int status, Object value) {
    ctx.status(status).contentType("application/json").result(ServerJson.write(value));
  }
}
