package dev.dray.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;

/**
 * Renders {@link MetricFigures} and the {@link TriggerTally} as Prometheus text: a fresh Micrometer
 * registry per scrape, filled from the figures, so every counter is as the store has it now.
 *
 * <p>Metric names: {@code dray_builds_total{service,outcome}}, {@code dray_build_duration_seconds}
 * (summary), {@code dray_build_cache_hit_ratio{service}}, {@code dray_image_size_bytes{service}},
 * {@code dray_deploys_total{app,kind,outcome}}, {@code dray_deploy_duration_seconds{app}}
 * (summary), {@code dray_rollbacks_total{app}}, {@code dray_change_failure_rate{app}}, {@code
 * dray_time_to_restore_seconds{app}}, {@code dray_lead_time_seconds{app}}, {@code
 * dray_last_deploy_timestamp_seconds{app}}, {@code dray_triggers_total{source,result}}. A gauge
 * without data (no deploy yet) is left out rather than reported as NaN.
 */
final class PrometheusScrape {
  /** The content type of the Prometheus text format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

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
    return text;
  }

  private static void builds(MeterRegistry registry, MetricFigures figures) {
    Timer durations =
        Timer.builder("dray.build.duration").description("How long builds took").register(registry);
    figures.buildDurations().forEach(durations::record);
    for (MetricFigures.ServiceBuilds s : figures.builds()) {
      s.byOutcome()
          .forEach(
              (outcome, count) ->
                  counter(
                      registry, "dray.builds", count, "service", s.service(), "outcome", outcome));
      s.cacheHitRatio()
          .ifPresent(
              r -> gauge(registry, "dray.build.cache.hit.ratio", null, r, "service", s.service()));
      s.imageSizeBytes()
          .ifPresent(b -> gauge(registry, "dray.image.size", "bytes", b, "service", s.service()));
    }
  }

  private static void deploys(MeterRegistry registry, MetricFigures.AppDeploys app) {
    String name = app.app();
    for (MetricFigures.DeployCount c : app.counts()) {
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
    }
    Timer durations =
        Timer.builder("dray.deploy.duration")
            .description("How long rollouts took")
            .tag("app", name)
            .register(registry);
    app.durations().forEach(durations::record);
    counter(registry, "dray.rollbacks", app.rollbacks(), "app", name);
    app.changeFailureRate()
        .ifPresent(r -> gauge(registry, "dray.change.failure.rate", null, r, "app", name));
    app.timeToRestore()
        .ifPresent(
            d -> gauge(registry, "dray.time.to.restore", "seconds", seconds(d), "app", name));
    app.leadTime()
        .ifPresent(d -> gauge(registry, "dray.lead.time", "seconds", seconds(d), "app", name));
    app.lastDeploy()
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
    Counter.builder(name).tags(tags).register(registry).increment(value);
  }

  private static void gauge(
      MeterRegistry registry, String name, String unit, double value, String... tags) {
    Gauge.Builder<Double> b = Gauge.builder(name, value, v -> v).strongReference(true).tags(tags);
    if (unit != null) {
      b.baseUnit(unit);
    }
    b.register(registry);
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
