package dev.dray.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dray.build.BuildReport;
import dev.dray.build.BuildReport.Outcome;
import dev.dray.build.BuildReport.StageReport;
import dev.dray.build.BuildReport.StepReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {
  /** Sunday noon: "today" of every test. */
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
  private static final String S = "sha256:";
  private static final String WEB_A = S + "a".repeat(64);
  private static final String WEB_B = S + "b".repeat(64);
  private static final String WEB_C = S + "c".repeat(64);
  private static final String WEB_D = S + "d".repeat(64);
  private static final String WEB_Z = S + "0".repeat(64);
  private static final String WORKER = S + "f".repeat(64);

  @TempDir Path dir;
  private Store store;
  private Figures figures;

  @BeforeEach
  void openStore() {
    store = Store.open(dir.resolve("dray.db"));
    figures = new Figures(store, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void givesEmptyFiguresWithoutAnyBuildOrDeploy() {
    BuildFigures builds = figures.builds("hello", 7);
    DeliveryFigures delivery = figures.delivery("hello", 7);

    assertThat(builds)
        .isEqualTo(
            new BuildFigures(
                "hello",
                TODAY.minusDays(6),
                TODAY,
                0,
                0,
                0,
                OptionalDouble.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalLong.empty(),
                List.of()));
    assertThat(delivery)
        .isEqualTo(
            new DeliveryFigures(
                "hello",
                TODAY.minusDays(6),
                TODAY,
                0,
                0,
                0,
                0,
                0,
                0.0,
                OptionalDouble.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                0,
                Optional.empty(),
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    assertThat(figures.builds(7)).isEmpty();
    assertThat(figures.daily("hello", 3))
        .extracting(DailyFigures::day)
        .containsExactly(TODAY.minusDays(2), TODAY.minusDays(1), TODAY);
    assertThat(figures.buildCounts()).isEmpty();
    assertThat(figures.deployCounts("hello")).isEmpty();
  }

  @Test
  void computesBuildFiguresOfTheSucceededBuildsOfOneServiceInTheWindow() {
    record(build("b0", "web", at(-10, "10:00"), 999, Outcome.SUCCEEDED, 0, 4, 5_000, WEB_Z));
    record(build("b1", "web", at(-2, "10:00"), 100, Outcome.SUCCEEDED, 3, 4, 1_000, WEB_A));
    record(build("b2", "web", at(-1, "10:00"), 5, Outcome.FAILED, 0, 2, 0, null));
    record(build("b3", "web", at(-1, "12:00"), 60, Outcome.SUCCEEDED, 1, 4, 1_200, WEB_B));
    record(build("b4", "web", at(0, "09:00"), 80, Outcome.SUCCEEDED, 4, 4, 1_100, WEB_C));
    record(build("b5", "api", at(0, "09:30"), 30, Outcome.SUCCEEDED, 2, 2, 700, WEB_D));

    assertThat(figures.builds("web", 7))
        .isEqualTo(
            new BuildFigures(
                "web",
                TODAY.minusDays(6),
                TODAY,
                4,
                3,
                1,
                OptionalDouble.of(0.75),
                Optional.of(Duration.ofSeconds(80)),
                Optional.of(Duration.ofSeconds(80)),
                OptionalDouble.of(8.0 / 12),
                OptionalLong.of(1_100),
                List.of(
                    new DailySize(TODAY.minusDays(2), 1_000),
                    new DailySize(TODAY.minusDays(1), 1_200),
                    new DailySize(TODAY, 1_100))));
    assertThat(figures.builds(7)).extracting(BuildFigures::service).containsExactly("api", "web");
    assertThat(figures.builds(1))
        .extracting(BuildFigures::service, BuildFigures::builds, BuildFigures::meanDuration)
        .containsExactly(
            tuple("api", 1, Optional.of(Duration.ofSeconds(30))),
            tuple("web", 1, Optional.of(Duration.ofSeconds(80))));
    assertThat(figures.builds("web", 30).builds()).isEqualTo(5);
  }

  @Test
  void takesTheMedianOfAnEvenNumberOfBuildsAsTheMeanOfTheMiddleTwo() {
    record(build("b1", "web", at(0, "08:00"), 10, Outcome.SUCCEEDED, 0, 0, 1, WEB_A));
    record(build("b2", "web", at(0, "09:00"), 20, Outcome.SUCCEEDED, 0, 0, 1, WEB_B));
    record(build("b3", "web", at(0, "10:00"), 31, Outcome.SUCCEEDED, 0, 0, 1, WEB_C));
    record(build("b4", "web", at(0, "11:00"), 100, Outcome.SUCCEEDED, 0, 0, 1, WEB_D));

    BuildFigures web = figures.builds("web", 1);

    assertThat(web.medianDuration()).contains(Duration.ofMillis(25_500));
    assertThat(web.meanDuration()).contains(Duration.ofMillis(40_250));
    assertThat(web.cacheHitRate()).as("no steps, nothing to divide").isEmpty();
  }

  /**
   * The story of {@link #story()}, day by day (today is day 0):
   *
   * <pre>
   * day -10 d0 deploy   SUCCEEDED web Z, worker W   (before every window)
   * day -3  d1 deploy   SUCCEEDED web A, worker W   10:00-10:02, A built 09:50
   * day -2  d2 deploy   FAILED    web B             10:00-10:05  failure begins 10:05
   * day -2  d3 deploy   SUCCEEDED web B, worker W   11:00-11:03, B built 10:30; restores: 58 min
   * day -1  d4 deploy   SUCCEEDED web C, worker W   09:00-09:01, C built 08:00
   * day -1  r5 rollback SUCCEEDED web B, worker W   09:30-09:31; d4 failed: restored in 30 min
   * day 0   d6 deploy   ROLLED_BACK web D           08:00-08:10  failing since 08:10
   * day 0   d7 deploy   RUNNING                     11:00-
   * </pre>
   */
  private void story() {
    record(build("bw", "hello", at(-20, "09:00"), 60, Outcome.SUCCEEDED, 0, 1, 10, WORKER));
    record(build("ba", "hello", at(-3, "09:50"), 60, Outcome.SUCCEEDED, 1, 2, 100, WEB_A));
    record(build("bb", "hello", at(-2, "10:30"), 60, Outcome.SUCCEEDED, 2, 2, 110, WEB_B));
    record(build("bc", "hello", at(-1, "08:00"), 60, Outcome.SUCCEEDED, 0, 2, 120, WEB_C));
    deploy("d0", "deploy", at(-10, "10:00"), 60, "SUCCEEDED", images(WEB_Z, WORKER));
    deploy("d1", "deploy", at(-3, "10:00"), 120, "SUCCEEDED", images(WEB_A, WORKER));
    deploy("d2", "deploy", at(-2, "10:00"), 300, "FAILED", images(WEB_B, WORKER));
    deploy("d3", "deploy", at(-2, "11:00"), 180, "SUCCEEDED", images(WEB_B, WORKER));
    deploy("d4", "deploy", at(-1, "09:00"), 60, "SUCCEEDED", images(WEB_C, WORKER));
    deploy("r5", "rollback", at(-1, "09:30"), 60, "SUCCEEDED", images(WEB_B, WORKER));
    deploy("d6", "deploy", at(0, "08:00"), 600, "ROLLED_BACK", images(WEB_D, WORKER));
    store
        .deploys()
        .start(
            DeployRecord.started(
                "d7", "hello", "deploy", "7", images(WEB_D, WORKER), "ci", at(0, "11:00")));
  }

  @Test
  void computesDeliveryFiguresAfterDora() {
    story();

    assertThat(figures.delivery("hello", 7))
        .isEqualTo(
            new DeliveryFigures(
                "hello",
                TODAY.minusDays(6),
                TODAY,
                5,
                3,
                2,
                2,
                3,
                3.0 / 7,
                OptionalDouble.of(0.6),
                Optional.of(Duration.ofMinutes(2)),
                OptionalDouble.of(0.4),
                OptionalDouble.of(0.6),
                2,
                Optional.of(Duration.ofMinutes(44)),
                3,
                Optional.of(Duration.ofMinutes(33)),
                Optional.of(at(-1, "09:31")),
                Optional.of(at(0, "08:10"))));
  }

  @Test
  void countsWhatStartedInTheWindowButJudgesItByTheWholeHistory() {
    story();

    DeliveryFigures twoDays = figures.delivery("hello", 2);

    assertThat(twoDays.deploys()).isEqualTo(2);
    assertThat(twoDays.succeeded()).isEqualTo(1);
    assertThat(twoDays.failed()).isEqualTo(1);
    assertThat(twoDays.rollbacks()).as("r5 and d6's own rollback").isEqualTo(2);
    assertThat(twoDays.changeFailures()).as("d4, rolled back by r5, and d6").isEqualTo(2);
    assertThat(twoDays.rollbackRate()).isEqualTo(OptionalDouble.of(1.0));
    assertThat(twoDays.deploymentFrequency()).isEqualTo(0.5);
    assertThat(twoDays.restores()).isEqualTo(1);
    assertThat(twoDays.timeToRestore()).contains(Duration.ofMinutes(30));
    assertThat(twoDays.leadTimes()).isEqualTo(1);
    assertThat(twoDays.leadTime()).as("C built 08:00, deployed 09:01").contains(minutes(61));
  }

  @Test
  void leadTimeCountsOnlyTheImagesADeployChanged() {
    story();

    DeliveryFigures d1Day = figures.daily("hello", 4).getFirst().delivery();

    assertThat(d1Day.firstDay()).isEqualTo(TODAY.minusDays(3));
    assertThat(d1Day.leadTimes())
        .as("web A is new, the worker W (built 20 days ago) was serving already")
        .isEqualTo(1);
    assertThat(d1Day.leadTime()).contains(minutes(12));
  }

  @Test
  void givesADailySeriesOfBuildsAndDeploysOldestFirst() {
    story();

    List<DailyFigures> series = figures.daily("hello", 4);

    assertThat(series)
        .extracting(DailyFigures::day)
        .containsExactly(TODAY.minusDays(3), TODAY.minusDays(2), TODAY.minusDays(1), TODAY);
    assertThat(series).extracting(d -> d.builds().builds()).containsExactly(1, 1, 1, 0);
    assertThat(series)
        .extracting(d -> d.builds().cacheHitRate())
        .containsExactly(
            OptionalDouble.of(0.5),
            OptionalDouble.of(1.0),
            OptionalDouble.of(0.0),
            OptionalDouble.empty());
    assertThat(series)
        .extracting(d -> d.builds().latestImageSize())
        .containsExactly(
            OptionalLong.of(100), OptionalLong.of(110), OptionalLong.of(120), OptionalLong.empty());
    assertThat(series).extracting(d -> d.delivery().deploys()).containsExactly(1, 2, 1, 1);
    assertThat(series)
        .extracting(d -> d.delivery().deploymentFrequency())
        .containsExactly(1.0, 1.0, 1.0, 0.0);
    assertThat(series)
        .extracting(d -> d.delivery().changeFailureRate())
        .containsExactly(
            OptionalDouble.of(0.0),
            OptionalDouble.of(0.5),
            OptionalDouble.of(1.0),
            OptionalDouble.of(1.0));
    assertThat(series)
        .extracting(d -> d.delivery().timeToRestore())
        .containsExactly(
            Optional.empty(), Optional.of(minutes(58)), Optional.of(minutes(30)), Optional.empty());
    assertThat(series)
        .extracting(d -> d.delivery().timeToDeploy())
        .containsExactly(
            Optional.of(minutes(2)),
            Optional.of(minutes(3)),
            Optional.of(minutes(1)),
            Optional.empty());
    assertThat(series)
        .extracting(d -> d.delivery().failingSince())
        .as("at the end of each day")
        .containsExactly(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(at(0, "08:10")));
    assertThat(series)
        .extracting(d -> d.delivery().lastDeployAt())
        .containsExactly(
            Optional.of(at(-3, "10:02")),
            Optional.of(at(-2, "11:03")),
            Optional.of(at(-1, "09:31")),
            Optional.of(at(-1, "09:31")));
  }

  @Test
  void aSingleFailedDeployIsAChangeFailureNotYetRestored() {
    deploy("d1", "deploy", at(0, "10:00"), 30, "FAILED", images(WEB_A, WORKER));

    DeliveryFigures today = figures.delivery("hello", 1);

    assertThat(today.deploys()).isEqualTo(1);
    assertThat(today.succeeded()).isZero();
    assertThat(today.failed()).isEqualTo(1);
    assertThat(today.deploymentSuccessRate()).isEqualTo(OptionalDouble.of(0.0));
    assertThat(today.changeFailureRate()).isEqualTo(OptionalDouble.of(1.0));
    assertThat(today.rollbacks()).isZero();
    assertThat(today.timeToDeploy()).isEmpty();
    assertThat(today.restores()).isZero();
    assertThat(today.timeToRestore()).isEmpty();
    assertThat(today.leadTime()).isEmpty();
    assertThat(today.lastDeployAt()).isEmpty();
    assertThat(today.failingSince()).contains(at(0, "10:00").plusSeconds(30));
  }

  @Test
  void aRollbackAfterAFailureBlamesTheDeployItRollsBackAndRestoresFromTheFirstFailure() {
    deploy("d1", "deploy", at(0, "08:00"), 60, "SUCCEEDED", images(WEB_A, WORKER));
    deploy("d2", "deploy", at(0, "09:00"), 60, "FAILED", images(WEB_B, WORKER));
    deploy("r3", "rollback", at(0, "09:20"), 60, "SUCCEEDED", images(WEB_Z, WORKER));

    DeliveryFigures today = figures.delivery("hello", 1);

    assertThat(today.deploys()).isEqualTo(2);
    assertThat(today.changeFailures())
        .as("d1 was serving when r3 rolled it back; d2 failed")
        .isEqualTo(2);
    assertThat(today.changeFailureRate()).isEqualTo(OptionalDouble.of(1.0));
    assertThat(today.rollbacks()).isEqualTo(1);
    assertThat(today.rollbackRate()).isEqualTo(OptionalDouble.of(0.5));
    assertThat(today.restores()).isEqualTo(1);
    assertThat(today.timeToRestore()).as("08:01 to 09:21").contains(minutes(80));
    assertThat(today.failingSince()).isEmpty();
    assertThat(today.lastDeployAt()).contains(at(0, "09:21"));
  }

  @Test
  void aSuccessfulDeployEndsAFailureAndIsNotBlamedForALaterRollbackOfTheNextOne() {
    deploy("d1", "deploy", at(-1, "22:00"), 60, "FAILED", images(WEB_A, WORKER));
    deploy("d2", "deploy", at(0, "01:00"), 60, "SUCCEEDED", images(WEB_A, WORKER));
    deploy("d3", "deploy", at(0, "02:00"), 60, "SUCCEEDED", images(WEB_B, WORKER));
    deploy("r4", "rollback", at(0, "03:00"), 60, "SUCCEEDED", images(WEB_A, WORKER));

    DeliveryFigures twoDays = figures.delivery("hello", 2);

    assertThat(twoDays.changeFailures()).as("d1 failed, d3 rolled back; not d2").isEqualTo(2);
    assertThat(twoDays.restores()).isEqualTo(2);
    assertThat(figures.daily("hello", 2))
        .extracting(d -> d.delivery().timeToRestore())
        .as("d1 (22:01) restored by d2 (01:01); d3 (02:01) by r4 (03:01)")
        .containsExactly(Optional.of(minutes(180)), Optional.of(minutes(60)));
  }

  @Test
  void knowsNoLeadTimeForAnImageDrayDidNotBuild() {
    deploy("d1", "deploy", at(0, "08:00"), 60, "SUCCEEDED", images(WEB_A, WORKER));

    DeliveryFigures today = figures.delivery("hello", 1);

    assertThat(today.leadTimes()).isZero();
    assertThat(today.leadTime()).isEmpty();
    assertThat(today.timeToDeploy()).contains(minutes(1));
  }

  @Test
  void leadTimeStartsAtTheFirstBuildThatProducedTheDigest() {
    record(build("b1", "hello", at(-1, "07:00"), 60, Outcome.SUCCEEDED, 0, 1, 1, WEB_A));
    record(build("b2", "hello", at(0, "07:00"), 60, Outcome.SUCCEEDED, 1, 1, 1, WEB_A));
    deploy("d1", "deploy", at(0, "08:00"), 60, "SUCCEEDED", images(WEB_A, WEB_A));

    DeliveryFigures today = figures.delivery("hello", 1);

    assertThat(today.leadTimes()).as("one digest, two services").isEqualTo(1);
    assertThat(today.leadTime()).contains(Duration.ofHours(25).plusMinutes(1));
  }

  @Test
  void ignoresRecoveriesAndOtherApps() {
    deploy("d1", "deploy", at(0, "08:00"), 60, "SUCCEEDED", images(WEB_A, WORKER));
    deploy("c2", "recover", at(0, "09:00"), 60, "SUCCEEDED", images(WEB_A, WORKER));
    store
        .deploys()
        .start(
            DeployRecord.started(
                "o1", "other", "rollback", "1", images(WEB_A, WORKER), "ci", at(0, "10:00")));

    DeliveryFigures today = figures.delivery("hello", 1);

    assertThat(today.deploys()).isEqualTo(1);
    assertThat(today.rollbacks()).isZero();
    assertThat(today.changeFailures()).isZero();
    assertThat(today.lastDeployAt()).contains(at(0, "08:01"));
  }

  @Test
  void cutsDaysAtMidnightInTheZoneOfTheClock() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Figures inBerlin = new Figures(store, Clock.fixed(NOW, berlin));
    // 23:30 UTC on Saturday is 00:30 on Sunday in Berlin; 22:50 UTC is still Saturday there
    deploy("d1", "deploy", at(-1, "23:30"), 60, "SUCCEEDED", images(WEB_A, WORKER));
    record(build("b1", "hello", at(-1, "22:50"), 60, Outcome.SUCCEEDED, 0, 1, 1, WEB_A));

    assertThat(inBerlin.delivery("hello", 1).deploys()).isEqualTo(1);
    assertThat(inBerlin.builds("hello", 1).builds()).isZero();
    assertThat(figures.delivery("hello", 1).deploys()).isZero();
    assertThat(inBerlin.builds("hello", 2).imageSizes())
        .containsExactly(new DailySize(TODAY.minusDays(1), 1));
  }

  @Test
  void countsBuildsAndDeploysOfAllTime() {
    story();
    record(build("bf", "api", at(-400, "10:00"), 1, Outcome.FAILED, 0, 0, 0, null));

    assertThat(figures.buildCounts())
        .containsExactly(
            new BuildCount("api", Outcome.FAILED, 1),
            new BuildCount("hello", Outcome.SUCCEEDED, 4));
    assertThat(figures.deployCounts("hello"))
        .containsExactly(
            new DeployCount("hello", "deploy", "FAILED", 1),
            new DeployCount("hello", "deploy", "ROLLED_BACK", 1),
            new DeployCount("hello", "deploy", "RUNNING", 1),
            new DeployCount("hello", "deploy", "SUCCEEDED", 4),
            new DeployCount("hello", "rollback", "SUCCEEDED", 1));
  }

  @Test
  void rejectsAWindowOfNoDaysOrTooMany() {
    assertThatThrownBy(() -> figures.delivery("hello", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("days");
    assertThatThrownBy(() -> figures.daily("hello", Figures.MAX_DAYS + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** {@code time} (HH:mm, UTC) on the day {@code day} days from today. */
  private static Instant at(int day, String time) {
    return Instant.parse(TODAY.plusDays(day) + "T" + time + ":00Z");
  }

  private static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  private static Map<String, String> images(String web, String worker) {
    Map<String, String> images = new LinkedHashMap<>();
    images.put("web", "127.0.0.1:5000/acme/hello:x@" + web);
    images.put("worker", "127.0.0.1:5000/acme/hello:x@" + worker);
    return images;
  }

  private void deploy(
      String id,
      String kind,
      Instant start,
      long seconds,
      String outcome,
      Map<String, String> images) {
    store.deploys().start(DeployRecord.started(id, "hello", kind, id, images, "ci", start));
    store
        .deploys()
        .finish(id, outcome, Optional.empty(), Optional.empty(), start.plusSeconds(seconds));
  }

  private void record(BuildReport build) {
    store.builds().record(build);
  }

  /** A build with {@code steps} steps in one stage, the first {@code cached} of them cached. */
  private static BuildReport build(
      String id,
      String service,
      Instant start,
      long seconds,
      Outcome outcome,
      int cached,
      int steps,
      long size,
      String digest) {
    List<StepReport> stepReports = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      stepReports.add(new StepReport("step " + i, i < cached, Duration.ZERO, Optional.empty()));
    }
    return new BuildReport(
        id,
        service,
        "127.0.0.1:5000/acme/" + service,
        start,
        Duration.ofSeconds(seconds),
        outcome,
        outcome == Outcome.FAILED ? Optional.of("exit 1") : Optional.empty(),
        "refs/heads/main",
        "0".repeat(40),
        List.of(new StageReport("app", cached < steps, false, Duration.ZERO, stepReports)),
        List.of(),
        Optional.empty(),
        Optional.ofNullable(digest),
        size,
        1);
  }
}
