package dev.dray.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.build.BuildReport.Outcome;
import dev.dray.store.BuildCount;
import dev.dray.store.BuildFigures;
import dev.dray.store.DeliveryFigures;
import dev.dray.store.DeployCount;
import dev.dray.store.Figures;
import dev.dray.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusScrapeTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-20");

  @TempDir Path dir;

  @Test
  void leavesOutGaugesWithoutDataInsteadOfReportingNaN() {
    MetricFigures figures =
        new MetricFigures(
            List.of(new BuildCount("hello", Outcome.FAILED, 1)),
            List.of(builds(0, Optional.empty(), OptionalLong.empty(), OptionalDouble.empty())),
            List.of(builds(0, Optional.empty(), OptionalLong.empty(), OptionalDouble.of(0.25))),
            List.of(new MetricFigures.AppDeploys("hello", List.of(), noDeploys())));

    String text = PrometheusScrape.render(figures, Map.of());

    assertThat(text)
        .contains(
            "dray_builds_total{outcome=\"FAILED\",service=\"hello\"} 1.0",
            "dray_build_duration_seconds_count{service=\"hello\"} 0",
            "dray_build_cache_hit_ratio{service=\"hello\"} 0.25",
            "dray_rollbacks_total{app=\"hello\"} 0.0",
            "# HELP dray_builds_total Builds since the store began, by service and outcome",
            "# HELP dray_build_cache_hit_ratio Share of build steps served from cache")
        .doesNotContain(
            "# HELP dray_rollbacks_total \n",
            "NaN",
            "dray_image_size_bytes",
            "dray_deploy_duration_seconds",
            "dray_change_failure_rate",
            "dray_time_to_restore_seconds",
            "dray_lead_time_seconds",
            "dray_last_deploy_timestamp_seconds",
            "dray_triggers_total");
  }

  @Test
  void summarisesTheSuccessfulBuildsAndCountsAutomaticRollbacksAsRollbacks() {
    MetricFigures figures =
        new MetricFigures(
            List.of(),
            List.of(
                builds(
                    3,
                    Optional.of(Duration.ofMillis(12_500)),
                    OptionalLong.of(2_000_000),
                    OptionalDouble.empty())),
            List.of(),
            List.of(
                new MetricFigures.AppDeploys(
                    "hello",
                    List.of(
                        new DeployCount("hello", "deploy", "SUCCEEDED", 4),
                        new DeployCount("hello", "deploy", "ROLLED_BACK", 2),
                        new DeployCount("hello", "rollback", "FAILED", 1)),
                    noDeploys())));

    String text = PrometheusScrape.render(figures, Map.of());

    assertThat(text)
        .contains(
            "# TYPE dray_build_duration_seconds summary",
            "dray_build_duration_seconds_count{service=\"hello\"} 3",
            "dray_build_duration_seconds_sum{service=\"hello\"} 37.5",
            "dray_image_size_bytes{service=\"hello\"} 2000000.0",
            "dray_deploys_total{app=\"hello\",kind=\"deploy\",outcome=\"ROLLED_BACK\"} 2.0",
            "dray_rollbacks_total{app=\"hello\"} 3.0");
  }

  @Test
  void countsTriggersBySourceAndResult() {
    TriggerTally tally = new TriggerTally();
    tally.count("github", "queued");
    tally.count("github", "queued");
    tally.count("github", "ignored");

    String text =
        PrometheusScrape.render(
            new MetricFigures(List.of(), List.of(), List.of(), List.of()), tally.counts());

    assertThat(text)
        .contains(
            "dray_triggers_total{result=\"queued\",source=\"github\"} 2.0",
            "dray_triggers_total{result=\"ignored\",source=\"github\"} 1.0");
  }

  private static BuildFigures builds(
      int succeeded, Optional<Duration> mean, OptionalLong size, OptionalDouble cacheHits) {
    return new BuildFigures(
        "hello",
        DAY,
        DAY,
        succeeded,
        succeeded,
        0,
        OptionalDouble.empty(),
        mean,
        mean,
        cacheHits,
        size,
        List.of());
  }

  /** The delivery figures of an app that never deployed, as the store has them. */
  private DeliveryFigures noDeploys() {
    try (Store store = Store.open(dir.resolve("dray.db"))) {
      return new Figures(
              store, Clock.fixed(DAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC))
          .delivery("hello", 1);
    }
  }
}
