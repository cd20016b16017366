package dev.dray.store;

import static dev.dray.store.BuildReports.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dray.build.BuildReport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How every {@link BuildHistory} behaves, whichever database keeps it. */
abstract class BuildHistoryContract extends DatabaseTest {
  private Store store;
  private BuildHistory history;

  @BeforeEach
  void openStore() {
    store = Store.open(newDatabase());
    history = store.builds();
  }

  @AfterEach
  void closeStore() {
    store.close();
    dropDatabases();
  }

  @Test
  void roundTripsAFullReportExactly() {
    BuildReport report = BuildReports.full("b-0001", "web", T0);

    history.record(report);

    assertThat(history.find("b-0001")).contains(report);
    assertThat(history.recent(Optional.empty(), 10)).containsExactly(report);
  }

  @Test
  void roundTripsAFailedReportWithEmptyOptionalsAndNoStages() {
    BuildReport report = BuildReports.failedWithoutStages("b-0002", "api", T0);

    history.record(report);

    assertThat(history.find("b-0002")).contains(report);
  }

  @Test
  void keepsInstantsAndDurationsToTheMillisecond() {
    BuildReport precise =
        withTimes(
            BuildReports.full("b-ns", "web", T0),
            T0.plusNanos(456_789),
            Duration.ofNanos(2_000_999_999));

    history.record(precise);

    BuildReport read = history.find("b-ns").orElseThrow();
    assertThat(read.startedAt()).isEqualTo(T0);
    assertThat(read.duration()).isEqualTo(Duration.ofMillis(2_000));
  }

  @Test
  void listsNewestFirstAndStopsAtTheLimit() {
    history.record(BuildReports.full("b-2", "web", T0.plusSeconds(2)));
    history.record(BuildReports.full("b-0", "web", T0));
    history.record(BuildReports.failedWithoutStages("b-3", "api", T0.plusSeconds(3)));
    history.record(BuildReports.full("b-1", "web", T0.plusSeconds(1)));

    assertThat(ids(history.recent(Optional.empty(), 10)))
        .containsExactly("b-3", "b-2", "b-1", "b-0");
    assertThat(ids(history.recent(Optional.empty(), 2))).containsExactly("b-3", "b-2");
    assertThat(history.recent(Optional.empty(), 0)).isEmpty();
  }

  @Test
  void filtersRecentBuildsByService() {
    history.record(BuildReports.full("b-web-1", "web", T0));
    history.record(BuildReports.full("b-api-1", "api", T0.plusSeconds(1)));
    history.record(BuildReports.full("b-web-2", "web", T0.plusSeconds(2)));

    assertThat(ids(history.recent(Optional.of("web"), 10))).containsExactly("b-web-2", "b-web-1");
    assertThat(ids(history.recent(Optional.of("api"), 10))).containsExactly("b-api-1");
    assertThat(history.recent(Optional.of("worker"), 10)).isEmpty();
  }

  @Test
  void rejectsANegativeLimit() {
    assertThatThrownBy(() -> history.recent(Optional.empty(), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findsABuildByAUniqueIdPrefix() {
    history.record(BuildReports.full("7f3a9c01", "web", T0));
    history.record(BuildReports.full("7f4b0000", "web", T0.plusSeconds(1)));

    assertThat(history.find("7f3").map(BuildReport::id)).contains("7f3a9c01");
    assertThat(history.find("7f4b0000").map(BuildReport::id)).contains("7f4b0000");
    assertThat(history.find("8")).isEmpty();
    assertThat(history.find("7F3")).isEmpty();
  }

  @Test
  void rejectsAnAmbiguousPrefixNamingTheMatches() {
    history.record(BuildReports.full("7f3a9c01", "web", T0));
    history.record(BuildReports.full("7f3b0000", "web", T0.plusSeconds(1)));

    assertThatThrownBy(() -> history.find("7f3"))
        .isInstanceOfSatisfying(
            AmbiguousIdException.class,
            e -> {
              assertThat(e.prefix()).isEqualTo("7f3");
              assertThat(e.matches()).containsExactly("7f3a9c01", "7f3b0000");
              assertThat(e.more()).isFalse();
              assertThat(e.getMessage()).contains("7f3a9c01", "7f3b0000");
              assertThat(e.hint()).isPresent();
            });
  }

  @Test
  void namesTenMatchesOfAVeryAmbiguousPrefix() {
    for (int i = 0; i < 12; i++) {
      history.record(BuildReports.failedWithoutStages("b-%02d".formatted(i), "web", T0));
    }

    assertThatThrownBy(() -> history.find("b-"))
        .isInstanceOfSatisfying(
            AmbiguousIdException.class,
            e -> {
              assertThat(e.matches()).hasSize(10).startsWith("b-00").endsWith("b-09");
              assertThat(e.more()).isTrue();
              assertThat(e.getMessage()).endsWith("b-09 and more");
            });
  }

  @Test
  void prefersAnExactIdOverLongerIdsStartingWithIt() {
    history.record(BuildReports.full("abc", "web", T0));
    history.record(BuildReports.full("abcd", "web", T0.plusSeconds(1)));

    assertThat(history.find("abc").map(BuildReport::id)).contains("abc");
  }

  @Test
  void treatsLikeWildcardsInAPrefixLiterally() {
    history.record(BuildReports.full("a_b-1", "web", T0));
    history.record(BuildReports.full("axb-2", "web", T0.plusSeconds(1)));

    assertThat(history.find("a_").map(BuildReport::id)).contains("a_b-1");
    assertThat(history.find("a%")).isEmpty();
  }

  @Test
  void rejectsRecordingTheSameBuildTwice() {
    BuildReport report = BuildReports.full("b-dup", "web", T0);
    history.record(report);

    assertThatThrownBy(() -> history.record(BuildReports.full("b-dup", "api", T0)))
        .isInstanceOfSatisfying(
            BuildAlreadyRecordedException.class, e -> assertThat(e.buildId()).isEqualTo("b-dup"));
    assertThat(history.find("b-dup")).contains(report);
  }

  @Test
  void keepsStepsQueryableForCacheHitsPerStage() throws SQLException {
    history.record(BuildReports.full("b-1", "web", T0));

    try (Connection connection = DriverManager.getConnection(store.location().jdbcUrl());
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT s.name, SUM(t.cached), COUNT(*) FROM build_stages s"
                        + " JOIN build_steps t ON t.build_id = s.build_id"
                        + " AND t.stage_index = s.stage_index"
                        + " GROUP BY s.stage_index, s.name ORDER BY s.stage_index")) {
      assertThat(rows.next()).isTrue();
      assertThat(List.of(rows.getString(1), rows.getInt(2), rows.getInt(3)))
          .containsExactly("deps", 2, 2);
      assertThat(rows.next()).isTrue();
      assertThat(List.of(rows.getString(1), rows.getInt(2), rows.getInt(3)))
          .containsExactly("app", 0, 2);
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void listsTheBuildsStartedSinceAnInstantNewestFirst() {
    history.record(BuildReports.full("b-0", "web", T0));
    history.record(BuildReports.full("b-1", "web", T0.plusSeconds(1)));
    history.record(BuildReports.failedWithoutStages("b-2", "api", T0.plusSeconds(2)));
    history.record(BuildReports.full("b-3", "web", T0.plusSeconds(3)));

    assertThat(ids(history.since(Optional.empty(), T0.plusSeconds(1))))
        .containsExactly("b-3", "b-2", "b-1");
    assertThat(history.since(Optional.of("web"), T0.plusSeconds(1)))
        .containsExactly(
            BuildReports.full("b-3", "web", T0.plusSeconds(3)),
            BuildReports.full("b-1", "web", T0.plusSeconds(1)));
    assertThat(history.since(Optional.of("web"), T0.plusSeconds(4))).isEmpty();
  }

  @Test
  void findsTheBuildsThatProducedADigestOldestFirst() {
    String digest = BuildReports.full("x", "web", T0).digest().orElseThrow();
    history.record(BuildReports.full("b-late", "web", T0.plusSeconds(5)));
    history.record(BuildReports.failedWithoutStages("b-none", "web", T0.plusSeconds(1)));
    history.record(BuildReports.full("b-early", "api", T0));

    assertThat(history.withDigest(digest))
        .containsExactly(
            BuildReports.full("b-early", "api", T0),
            BuildReports.full("b-late", "web", T0.plusSeconds(5)));
    assertThat(history.withDigest("sha256:" + "c".repeat(64))).isEmpty();
  }

  @Test
  void countsTheBuildsOfEachServiceByOutcome() {
    assertThat(history.counts()).isEmpty();
    history.record(BuildReports.full("b-0", "web", T0));
    history.record(BuildReports.full("b-1", "web", T0.plusSeconds(1)));
    history.record(BuildReports.failedWithoutStages("b-2", "web", T0.plusSeconds(2)));
    history.record(BuildReports.failedWithoutStages("b-3", "api", T0.plusSeconds(3)));

    assertThat(history.counts())
        .containsExactly(
            new BuildCount("api", BuildReport.Outcome.FAILED, 1),
            new BuildCount("web", BuildReport.Outcome.SUCCEEDED, 2),
            new BuildCount("web", BuildReport.Outcome.FAILED, 1));
  }

  private static List<String> ids(List<BuildReport> reports) {
    return reports.stream().map(BuildReport::id).toList();
  }

  private static BuildReport withTimes(BuildReport r, Instant startedAt, Duration duration) {
    return new BuildReport(
        r.id(),
        r.service(),
        r.repository(),
        startedAt,
        duration,
        r.outcome(),
        r.failure(),
        r.gitRef(),
        r.gitSha(),
        r.stages(),
        r.tags(),
        r.imageId(),
        r.digest(),
        r.sizeBytes(),
        r.layerCount());
  }
}
