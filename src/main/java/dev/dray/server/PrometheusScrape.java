package dev.dray.server;

import dev.dray.store.BuildCount;
import dev.dray.store.BuildFigures;
import dev.dray.store.DeliveryFigures;
import dev.dray.store.DeployCount;
import dev.dray.store.DeployRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Renders {@link MetricFigures} and the {@link TriggerTally} as Prometheus text: a fresh Micrometer
 * registry per scrape, filled from the figures, so every counter is as the store has it now.
 *
 * <p>Counters count since the store began: {@code dray_builds_total{service,outcome}}, {@code
 * dray_deploys_total{app,kind,outcome}}, {@code dray_rollbacks_total{app}} (rollbacks plus deploys
 * rolled back automatically), {@code dray_triggers_total{source,result}}; so does the summary
 * {@code dray_build_duration_seconds{service}} of the builds that succeeded. Gauges cover the last
 * {@link StoreFigures#RECENT_DAYS} days: {@code dray_build_cache_hit_ratio{service}}, {@code
 * dray_deploy_duration_seconds{app}} (median time to deploy), {@code
 * dray_change_failure_rate{app}}, {@code dray_time_to_restore_seconds{app}}, {@code
 * dray_lead_time_seconds{app}} (medians); {@code dray_image_size_bytes{service}} and {@code
 * dray_last_deploy_timestamp_seconds{app}} are the latest ever. A gauge without data is left out
 * rather than reported as NaN.
 */
final class PrometheusScrape {
  /** The content type of the Prometheus text format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** The {@code # HELP} text of each meter, by Micrometer name. */
  private static final Map<String, String> HELP =
      Map.of(
          "dray.builds", "Builds since the store began, by service and outcome",
          "dray.deploys", "Rollouts since the store began, by app, kind and outcome",
          "dray.rollbacks", "Rollbacks plus deploys rolled back automatically, by app",
          "dray.image.size", "Image size of the latest successful build, by service",
          "dray.build.cache.hit.ratio", "Share of build steps served from cache, last 30 days",
          "dray.deploy.duration", "Median time to deploy of successful deploys, last 30 days",
          "dray.change.failure.rate", "Share of deploys that failed or were undone, last 30 days",
          "dray.time.to.restore", "Median time from a failed deploy to service restored, 30 days",
          "dray.lead.time", "Median time from build start to deploy finished, last 30 days",
          "dray.last.deploy.timestamp", "When the last successful deploy or rollback finished");

  private PrometheusScrape() {}

  static String render(MetricFigures figures, Map<TriggerTally.Key, Long> triggers) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    builds(registry, figures);
    for (MetricFigures.AppDeploys app : figures.apps()) {
      deploys(registry, app);
    }
    triggers.forEach(
        (key, count) ->
            Counter.builder("dray.triggers")
                .description("Auto-deploy triggers since the server started, by source and fate")
                .tags("source", key.source(), "result", key.result())
                .register(registry)
                .increment(count));
    String text = registry.scrape();
    registry.close();
    Reference.reachabilityFence(figures); // function timers hold their figures weakly
    return text;
  }

  private static void builds(MeterRegistry registry, MetricFigures figures) {
    for (BuildCount c : figures.buildCounts()) {
      counter(
          registry,
          "dray.builds",
          c.count(),
          "service",
          c.service(),
          "outcome",
          c.outcome().name());
    }
    for (BuildFigures b : figures.builds()) {
      double meanSeconds = b.meanDuration().map(PrometheusScrape::seconds).orElse(0.0);
      FunctionTimer.builder(
              "dray.build.duration",
              b,
              x -> x.succeeded(),
              x -> meanSeconds * x.succeeded(),
              TimeUnit.SECONDS)
          .description("How long the builds that succeeded took")
          .tag("service", b.service())
          .register(registry);
      b.latestImageSize()
          .ifPresent(s -> gauge(registry, "dray.image.size", "bytes", s, "service", b.service()));
    }
    for (BuildFigures b : figures.recentBuilds()) {
      b.cacheHitRate()
          .ifPresent(
              r -> gauge(registry, "dray.build.cache.hit.ratio", null, r, "service", b.service()));
    }
  }

  private static void deploys(MeterRegistry registry, MetricFigures.AppDeploys app) {
    String name = app.app();
    long rollbacks = 0;
    for (DeployCount c : app.counts()) {
      counter(
          registry,
          "dray.deploys",
          c.count(),
          "app",
          name,
          "kind",
          c.kind(),
          "outcome",
          c.outcome());
      boolean rolledBack =
          c.kind().equals(DeployRecord.ROLLBACK) || c.outcome().equals(DeployRecord.ROLLED_BACK);
      rollbacks += rolledBack ? c.count() : 0;
    }
    counter(registry, "dray.rollbacks", rollbacks, "app", name);
    DeliveryFigures recent = app.recent();
    recent
        .timeToDeploy()
        .ifPresent(
            d -> gauge(registry, "dray.deploy.duration", "seconds", seconds(d), "app", name));
    recent
        .changeFailureRate()
        .ifPresent(r -> gauge(registry, "dray.change.failure.rate", null, r, "app", name));
    recent
        .timeToRestore()
        .ifPresent(
            d -> gauge(registry, "dray.time.to.restore", "seconds", seconds(d), "app", name));
    recent
        .leadTime()
        .ifPresent(d -> gauge(registry, "dray.lead.time", "seconds", seconds(d), "app", name));
    recent
        .lastDeployAt()
        .ifPresent(
            t ->
                gauge(
                    registry,
                    "dray.last.deploy.timestamp",
                    "seconds",
                    t.toEpochMilli() / 1000.0,
                    "app",
                    name));
  }

  private static void counter(MeterRegistry registry, String name, long value, String... tags) {
    Counter.builder(name)
        .description(HELP.get(name))
        .tags(tags)
        .register(registry)
        .increment(value);
  }

  private static void gauge(
      MeterRegistry registry, String name, String unit, double value, String... tags) {
    Gauge.Builder<Double> b =
        Gauge.builder(name, value, v -> v)
            .description(HELP.get(name))
            .strongReference(true)
            .tags(tags);
    if (unit != null) {
      b.baseUnit(unit);
    }
    b.register(registry);
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
