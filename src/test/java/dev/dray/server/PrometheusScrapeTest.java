package dev.dray.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PrometheusScrapeTest {
  @Test
  void leavesOutGaugesWithoutDataInsteadOfReportingNaN() {
    MetricFigures figures =
        new MetricFigures(
            List.of(
                new MetricFigures.ServiceBuilds(
                    "hello", Map.of("FAILED", 1L), OptionalDouble.of(0.25), OptionalLong.empty())),
            List.of(Duration.ofSeconds(3)),
            List.of(
                new MetricFigures.AppDeploys(
                    "hello",
                    List.of(),
                    List.of(),
                    0,
                    OptionalDouble.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty())));

    String text = PrometheusScrape.render(figures, Map.of());

    assertThat(text)
        .contains(
            "dray_builds_total{outcome=\"FAILED\",service=\"hello\"} 1.0",
            "dray_build_cache_hit_ratio{service=\"hello\"} 0.25",
            "dray_rollbacks_total{app=\"hello\"} 0.0",
            "dray_deploy_duration_seconds_count{app=\"hello\"} 0")
        .doesNotContain(
            "NaN",
            "dray_image_size_bytes",
            "dray_change_failure_rate",
            "dray_time_to_restore_seconds",
            "dray_lead_time_seconds",
            "dray_last_deploy_timestamp_seconds",
            "dray_triggers_total");
  }

  @Test
  void countsTriggersBySourceAndResult() {
    TriggerTally tally = new TriggerTally();
    tally.count("github", "queued");
    tally.count("github", "queued");
    tally.count("github", "ignored");

    String text =
        PrometheusScrape.render(new MetricFigures(List.of(), List.of(), List.of()), tally.counts());

    assertThat(text)
        .contains(
            "dray_triggers_total{result=\"queued\",source=\"github\"} 2.0",
            "dray_triggers_total{result=\"ignored\",source=\"github\"} 1.0");
  }
}
