package dev.dray.dashboard;

import dev.dray.build.BuildReport;
import dev.dray.build.BuildReport.StageReport;
import dev.dray.build.BuildReport.StepReport;
import dev.dray.server.AppStatus;
import dev.dray.server.FigureSummary;
import dev.dray.store.DeployRecord;
import dev.dray.store.DeployStepRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data the browser tests show: an app {@code shop} with three services, its releases with their
 * journals, builds with per-stage cache hits and two weeks of figures. Times are relative to the
 * test's start so "5 min ago" reads the same on every run.
 */
final class DashboardData {
  static final String APP = "shop";
  static final String REPO = "127.0.0.1:5000/acme/shop";
  static final String DIGEST_2 =
      "sha256:4f2a9c1b0e7d55a3c8e19b2f6d7a0c4e1b3f5a7d9c2e4f6a8b0c1d3e5f7a9b1c";
  static final String DIGEST_1 =
      "sha256:9b1c3e5f7a2d4c6e8f0a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e";

  final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  Instant ago(Duration d) {
    return now.minus(d);
  }

  /** GET /api/apps: shop with web, api and worker on 1.4.2 behind a running proxy; blog failing. */
  List<AppStatus> apps() {
    return List.of(
        new AppStatus(
            APP,
            List.of(
                service("web", "web", "1.4.2", REPO + "@" + DIGEST_2, "healthy", "running", 42, 0),
                service(
                    "api", "web", "1.4.2", REPO + "-api@" + DIGEST_2, "healthy", "running", 41, 0),
                service(
                    "worker",
                    "worker",
                    "1.4.2",
                    REPO + "-worker@" + DIGEST_1,
                    null,
                    "running",
                    40,
                    2)),
            new AppStatus.Proxy(true)),
        new AppStatus(
            "blog",
            List.of(
                service(
                    "web",
                    "web",
                    "0.9.0",
                    "127.0.0.1:5000/acme/blog@" + DIGEST_1,
                    "unhealthy",
                    "restarting",
                    180,
                    5)),
            new AppStatus.Proxy(false)));
  }

  private AppStatus.Service service(
      String name,
      String role,
      String version,
      String image,
      String health,
      String state,
      int upMinutes,
      int restarts) {
    return new AppStatus.Service(
        name, role, version, image, health, state, ago(Duration.ofMinutes(upMinutes)), restarts);
  }

  /** Releases of shop, newest first: a deploy, a deploy that was rolled back, a rollback, older. */
  List<DeployRecord> releases() {
    return List.of(
        finished(
            "d1f0c3a2b9e84c7d",
            DeployRecord.DEPLOY,
            "1.4.2",
            Duration.ofMinutes(43),
            38,
            DeployRecord.SUCCEEDED,
            null,
            null),
        finished(
            "c7e2a91f04b34d12",
            DeployRecord.DEPLOY,
            "1.4.1",
            Duration.ofHours(5),
            71,
            DeployRecord.ROLLED_BACK,
            "5. health check web (shop-web-141-8)",
            "container exited with code 1 before it became healthy"),
        finished(
            "b3a9d2e7c1f04a88",
            DeployRecord.ROLLBACK,
            "1.4.0",
            Duration.ofDays(1),
            24,
            DeployRecord.SUCCEEDED,
            null,
            null),
        finished(
            "a8c4e6f2d0b14c33",
            DeployRecord.DEPLOY,
            "1.4.0",
            Duration.ofDays(2),
            41,
            DeployRecord.SUCCEEDED,
            null,
            null),
        finished(
            "9f1b3d5e7a2c4e66",
            DeployRecord.DEPLOY,
            "1.3.9",
            Duration.ofDays(4),
            35,
            DeployRecord.FAILED,
            "7. switch shop_web to shop-web-139-8",
            "proxy refused the new server: no such backend"));
  }

  DeployRecord finished(
      String id,
      String kind,
      String version,
      Duration ago,
      int tookSeconds,
      String outcome,
      String failedStep,
      String failure) {
    Instant start = ago(ago);
    return new DeployRecord(
        id,
        APP,
        kind,
        version,
        images(version),
        "ana@build-1",
        start,
        Optional.of(start.plusSeconds(tookSeconds)),
        outcome,
        Optional.ofNullable(failedStep),
        Optional.ofNullable(failure));
  }

  DeployRecord running(String id, String version) {
    return DeployRecord.started(
        id,
        APP,
        DeployRecord.DEPLOY,
        version,
        images(version),
        "ci@github",
        ago(Duration.ofSeconds(40)));
  }

  static Map<String, String> images(String version) {
    Map<String, String> images = new LinkedHashMap<>();
    images.put("web", REPO + ":" + version + "@" + DIGEST_2);
    images.put("worker", REPO + "-worker:" + version + "@" + DIGEST_1);
    return images;
  }

  /**
   * A deploy's journal: each step STARTED then DONE with realistic durations; a deploy that failed
   * stops at its failed step, which ends FAILED with the failure as detail.
   */
  List<DeployStepRecord> journal(DeployRecord record) {
    String next = "shop-web-" + record.version().replace(".", "") + "-8";
    String old = "shop-web-141-7";
    String[][] plan = {
      {"proxy: 127.0.0.1:8080 → shop_web", "0.4", "haproxy pid 4121 adopted"},
      {"pull " + REPO + "@" + DIGEST_2.substring(0, 19), "6.2", "3 layers, 41 MB"},
      {"back up (1 command(s) + release snapshot, keep last 5)", "3.1", "backups/20261122-1402"},
      {"start " + next + " (web)", "1.2", "container 5e1c0b"},
      {"health check web (" + next + ")", "9.8", "healthy after 5 probes"},
      {"add " + next + " to proxy backend shop_web", "2.1", "UP after 2 checks"},
      {"switch shop_web to " + next, "0.1", old + " draining"},
      {"drain " + old + " (at most 30s)", "4.6", "0 sessions left"},
      {"stop " + old + " (kept for rollback)", "1.0", ""},
      {"prune: keep 3 previous version(s) per service", "0.8", "removed 1 image"},
    };
    List<DeployStepRecord> lines = new ArrayList<>();
    Instant at = record.startedAt();
    int seq = 0;
    for (int i = 0; i < plan.length; i++) {
      String step = (i + 1) + ". " + plan[i][0];
      lines.add(new DeployStepRecord(record.id(), ++seq, step, DeployStepRecord.STARTED, at, ""));
      at = at.plusMillis((long) (Double.parseDouble(plan[i][1]) * 1000));
      if (record.failedStep().filter(step::equals).isPresent()) {
        lines.add(
            new DeployStepRecord(
                record.id(),
                ++seq,
                step,
                DeployStepRecord.FAILED,
                at,
                record.failure().orElse("")));
        break;
      }
      lines.add(
          new DeployStepRecord(record.id(), ++seq, step, DeployStepRecord.DONE, at, plan[i][2]));
      at = at.plusMillis(150);
    }
    return lines;
  }

  /**
   * Builds of shop (builds are per service of dray.yml, which names the app), newest first: one
   * mostly cached, one that rebuilt deps, one failed.
   */
  List<BuildReport> builds() {
    return List.of(
        build(
            "b-0003",
            Duration.ofMinutes(50),
            9.4,
            BuildReport.Outcome.SUCCEEDED,
            stage("deps", false, 0.3, true, true, true, true),
            stage("build", true, 7.9, true, true, false, false),
            stage("runtime", true, 1.2, true, false)),
        build(
            "b-0002",
            Duration.ofHours(6),
            48.7,
            BuildReport.Outcome.SUCCEEDED,
            stage("deps", true, 41.0, true, false, false, false),
            stage("runtime", true, 7.7, true, false)),
        build(
            "b-0001",
            Duration.ofDays(1),
            3.1,
            BuildReport.Outcome.FAILED,
            stage("deps", false, 0.2, true, true, true, true),
            stage("build", true, 2.9, true, true, false)));
  }

  BuildReport build(
      String id, Duration ago, double took, BuildReport.Outcome outcome, StageReport... stages) {
    return new BuildReport(
        id,
        APP,
        REPO,
        ago(ago),
        Duration.ofMillis((long) (took * 1000)),
        outcome,
        outcome == BuildReport.Outcome.FAILED
            ? Optional.of("RUN npm test: exit code 1")
            : Optional.empty(),
        "main",
        "3e9f1c2a7b",
        List.of(stages),
        List.of(REPO + ":latest", REPO + ":main-3e9f1c2"),
        Optional.of("sha256:77aa"),
        Optional.of(DIGEST_2),
        143_000_000L,
        9);
  }

  static StageReport stage(String name, boolean ran, double took, boolean... cached) {
    List<StepReport> steps = new ArrayList<>();
    for (int i = 0; i < cached.length; i++) {
      steps.add(
          new StepReport(
              "[" + name + " " + (i + 1) + "/" + cached.length + "] RUN step " + (i + 1),
              cached[i],
              Duration.ofMillis(cached[i] ? 0 : (long) (took * 1000 / cached.length)),
              Optional.empty()));
    }
    return new StageReport(name, ran, ran, Duration.ofMillis((long) (took * 1000)), steps);
  }

  /** Two weeks of six of the figures; the other series have no data. */
  FigureSummary summary() {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Map<String, double[]> values =
        Map.of(
            "build_duration",
            new double[] {62, 58, 61, 44, 40, 41, 12, 11, 10.5, 12, 9.8, 10.2, 9.4, 9.1},
            "cache_hit_rate",
            new double[] {.31, .35, .33, .52, .61, .6, .88, .9, .91, .89, .93, .92, .94, .95},
            "deploy_frequency",
            new double[] {2, 1, 3, 0, 2, 4, 1, 2, 0, 3, 2, 1, 2, 3},
            "deploy_success_rate",
            new double[] {1, 1, .67, 1, 1, .75, 1, 1, 1, .67, 1, 1, .5, 1},
            "rollback_frequency",
            new double[] {0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0},
            "lead_time",
            new double[] {
              3400, 2900, 5100, 2600, 3000, 4100, 3600, 2200, 2500, 2400, 3100, 1900, 2100, 1800
            });
    int days = 14;
    List<FigureSummary.Series> series = new ArrayList<>();
    for (String name : FigureSummary.NAMES) {
      double[] v = values.get(name);
      List<FigureSummary.Point> points = new ArrayList<>();
      for (int d = 0; d < days; d++) {
        points.add(new FigureSummary.Point(today.minusDays(days - 1 - d), v == null ? null : v[d]));
      }
      series.add(new FigureSummary.Series(name, FigureSummary.unitOf(name), points));
    }
    return new FigureSummary(APP, days, series);
  }
}
