package dev.dray.store;

import static dev.dray.store.Deploys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How every {@link DeployHistory} behaves, whichever database keeps it. */
abstract class DeployHistoryContract extends DatabaseTest {
  private StoreLocation location;
  private Store store;
  private DeployHistory history;

  @BeforeEach
  void openStore() {
    location = newDatabase();
    store = Store.open(location);
    history = store.deploys();
  }

  @AfterEach
  void closeStore() {
    store.close();
    dropDatabases();
  }

  @Test
  void roundTripsAStartedDeployAsRunning() {
    DeployRecord record = Deploys.started("d-0001", "hello", T0);

    history.start(record);

    assertThat(history.find("d-0001")).contains(record);
    assertThat(history.recent("hello", 10)).containsExactly(record);
    assertThat(record.outcome()).isEqualTo("RUNNING");
    assertThat(record.finishedAt()).isEmpty();
  }

  @Test
  void keepsTheOrderOfTheImages() {
    Map<String, String> images = new LinkedHashMap<>();
    images.put("worker", "w@sha256:" + "1".repeat(64));
    images.put("api", "a@sha256:" + "2".repeat(64));
    images.put("web", "x@sha256:" + "3".repeat(64));
    history.start(DeployRecord.started("d-1", "hello", "deploy", "2.0.0", images, "bob", T0));

    assertThat(history.find("d-1").orElseThrow().images().keySet())
        .containsExactly("worker", "api", "web");
  }

  @Test
  void recordsTheEndOfAFailedDeployWithItsStepAndFailure() {
    history.start(Deploys.started("d-1", "hello", T0));
    Instant end = T0.plusSeconds(42);

    history.finish(
        "d-1",
        DeployRecord.FAILED,
        Optional.of("health web"),
        Optional.of("web-2 never became healthy"),
        end);

    DeployRecord read = history.find("d-1").orElseThrow();
    assertThat(read.outcome()).isEqualTo("FAILED");
    assertThat(read.finishedAt()).contains(end);
    assertThat(read.failedStep()).contains("health web");
    assertThat(read.failure()).contains("web-2 never became healthy");
    assertThat(read)
        .isEqualTo(
            new DeployRecord(
                "d-1",
                "hello",
                "deploy",
                "1.4.2",
                Deploys.started("d-1", "hello", T0).images(),
                "alice@build-1",
                T0,
                Optional.of(end),
                "FAILED",
                Optional.of("health web"),
                Optional.of("web-2 never became healthy")));
  }

  @Test
  void recordsASuccessWithoutFailedStepOrFailure() {
    history.start(Deploys.started("d-1", "hello", T0));

    history.finish(
        "d-1", DeployRecord.SUCCEEDED, Optional.empty(), Optional.empty(), T0.plusSeconds(9));

    DeployRecord read = history.find("d-1").orElseThrow();
    assertThat(read.outcome()).isEqualTo("SUCCEEDED");
    assertThat(read.failedStep()).isEmpty();
    assertThat(read.failure()).isEmpty();
  }

  @Test
  void keepsInstantsToTheMillisecond() {
    history.start(Deploys.started("d-ns", "hello", T0.plusNanos(456_789)));
    history.finish(
        "d-ns",
        DeployRecord.SUCCEEDED,
        Optional.empty(),
        Optional.empty(),
        T0.plusNanos(1_999_999));
    history.step(
        new DeployStepRecord("d-ns", 0, "pull", "DONE", T0.plusNanos(3_000_001), "pulled"));

    DeployRecord read = history.find("d-ns").orElseThrow();
    assertThat(read.startedAt()).isEqualTo(T0);
    assertThat(read.finishedAt()).contains(T0.plusMillis(1));
    assertThat(history.steps("d-ns").getFirst().at()).isEqualTo(T0.plusMillis(3));
  }

  @Test
  void listsAnAppsDeploysNewestFirstAndStopsAtTheLimit() {
    history.start(Deploys.started("d-2", "hello", T0.plusSeconds(2)));
    history.start(Deploys.started("d-0", "hello", T0));
    history.start(Deploys.started("d-3", "hello", DeployRecord.ROLLBACK, T0.plusSeconds(3)));
    history.start(Deploys.started("o-9", "other", T0.plusSeconds(9)));
    history.start(Deploys.started("d-1", "hello", T0.plusSeconds(1)));

    assertThat(ids(history.recent("hello", 10))).containsExactly("d-3", "d-2", "d-1", "d-0");
    assertThat(ids(history.recent("hello", 2))).containsExactly("d-3", "d-2");
    assertThat(ids(history.recent("other", 10))).containsExactly("o-9");
    assertThat(history.recent("hello", 0)).isEmpty();
    assertThat(history.recent("nobody", 10)).isEmpty();
    assertThatThrownBy(() -> history.recent("hello", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findsADeployByAUniqueIdPrefix() {
    history.start(Deploys.started("7f3a9c01", "hello", T0));
    history.start(Deploys.started("7f4b0000", "hello", T0.plusSeconds(1)));

    assertThat(history.find("7f3").map(DeployRecord::id)).contains("7f3a9c01");
    assertThat(history.find("7f4b0000").map(DeployRecord::id)).contains("7f4b0000");
    assertThat(history.find("8")).isEmpty();
    assertThat(history.find("7F3")).isEmpty();
  }

  @Test
  void prefersAnExactIdAndTreatsLikeWildcardsLiterally() {
    history.start(Deploys.started("abc", "hello", T0));
    history.start(Deploys.started("abcd", "hello", T0.plusSeconds(1)));
    history.start(Deploys.started("x_y", "hello", T0.plusSeconds(2)));

    assertThat(history.find("abc").map(DeployRecord::id)).contains("abc");
    assertThat(history.find("x_").map(DeployRecord::id)).contains("x_y");
    assertThat(history.find("x%")).isEmpty();
  }

  @Test
  void rejectsAnAmbiguousPrefixNamingTheMatches() {
    history.start(Deploys.started("7f3a9c01", "hello", T0));
    history.start(Deploys.started("7f3b0000", "hello", T0.plusSeconds(1)));

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
  void rejectsStartingTheSameDeployTwice() {
    DeployRecord first = Deploys.started("d-dup", "hello", T0);
    history.start(first);

    assertThatThrownBy(() -> history.start(Deploys.started("d-dup", "other", T0)))
        .isInstanceOfSatisfying(
            DeployAlreadyRecordedException.class, e -> assertThat(e.deployId()).isEqualTo("d-dup"));
    assertThat(history.find("d-dup")).contains(first);
  }

  @Test
  void rejectsStartingADeployThatHasAlreadyEnded() {
    DeployRecord ended =
        new DeployRecord(
            "d-1",
            "hello",
            "deploy",
            "1",
            Map.of(),
            "alice",
            T0,
            Optional.of(T0),
            "SUCCEEDED",
            Optional.empty(),
            Optional.empty());

    assertThatThrownBy(() -> history.start(ended))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RUNNING");
    assertThat(history.find("d-1")).isEmpty();
  }

  @Test
  void readsTheJournalOrderedBySeq() {
    history.start(Deploys.started("d-1", "hello", T0));
    history.start(Deploys.started("d-2", "hello", T0));
    DeployStepRecord pullStarted =
        new DeployStepRecord("d-1", 0, "pull web", "STARTED", T0, "image x@sha256:…");
    DeployStepRecord pullDone =
        new DeployStepRecord("d-1", 1, "pull web", "DONE", T0.plusSeconds(1), "");
    DeployStepRecord migrateSkipped =
        new DeployStepRecord("d-1", 2, "migrate", "SKIPPED", T0.plusSeconds(2), "none configured");
    DeployStepRecord startFailed =
        new DeployStepRecord("d-1", 3, "start web", "FAILED", T0.plusSeconds(3), "exit 1");
    history.step(startFailed);
    history.step(pullStarted);
    history.step(migrateSkipped);
    history.step(new DeployStepRecord("d-2", 0, "pull web", "STARTED", T0, "other deploy"));
    history.step(pullDone);

    assertThat(history.steps("d-1"))
        .containsExactly(pullStarted, pullDone, migrateSkipped, startFailed);
    assertThat(history.steps("d-2"))
        .extracting(DeployStepRecord::detail)
        .containsExactly("other deploy");
    assertThat(history.steps("d-unknown")).isEmpty();
  }

  @Test
  void rejectsAStepOfADeployThatNeverStarted() {
    assertThatThrownBy(
            () -> history.step(new DeployStepRecord("d-none", 0, "pull", "STARTED", T0, "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("d-none");
  }

  @Test
  void rejectsAJournalLineRecordedTwice() {
    history.start(Deploys.started("d-1", "hello", T0));
    DeployStepRecord first = new DeployStepRecord("d-1", 0, "pull", "STARTED", T0, "first");
    history.step(first);

    assertThatThrownBy(
            () -> history.step(new DeployStepRecord("d-1", 0, "pull", "DONE", T0, "second")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("d-1");
    assertThat(history.steps("d-1")).containsExactly(first);
  }

  @Test
  void rejectsFinishingAnUnknownOrFinishedDeployOrFinishingAsRunning() {
    history.start(Deploys.started("d-1", "hello", T0));
    history.finish("d-1", "ROLLED_BACK", Optional.of("switch"), Optional.empty(), T0);

    assertThatThrownBy(
            () -> history.finish("d-1", "SUCCEEDED", Optional.empty(), Optional.empty(), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already finished");
    assertThatThrownBy(
            () -> history.finish("d-none", "SUCCEEDED", Optional.empty(), Optional.empty(), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("d-none");
    history.start(Deploys.started("d-2", "hello", T0));
    assertThatThrownBy(
            () -> history.finish("d-2", "RUNNING", Optional.empty(), Optional.empty(), T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(history.find("d-1").orElseThrow().outcome()).isEqualTo("ROLLED_BACK");
    assertThat(history.find("d-2").orElseThrow().outcome()).isEqualTo("RUNNING");
  }

  @Test
  void listsDeploysStillRunningUntilTheyAreFinished() {
    history.start(Deploys.started("d-done", "hello", T0));
    history.finish("d-done", "SUCCEEDED", Optional.empty(), Optional.empty(), T0.plusSeconds(1));
    history.start(Deploys.started("d-crashed", "hello", T0.plusSeconds(2)));
    history.start(Deploys.started("d-now", "hello", T0.plusSeconds(3)));
    history.start(Deploys.started("o-1", "other", T0.plusSeconds(4)));

    assertThat(ids(history.running("hello"))).containsExactly("d-now", "d-crashed");

    history.finish("d-crashed", "FAILED", Optional.empty(), Optional.of("process died"), T0);
    assertThat(ids(history.running("hello"))).containsExactly("d-now");
    assertThat(ids(history.running("other"))).containsExactly("o-1");
    assertThat(history.running("nobody")).isEmpty();
  }

  @Test
  void findsTheLastSucceededDeployOrRollbackByItsFinish() {
    assertThat(history.lastSucceeded("hello")).isEmpty();

    history.start(Deploys.started("d-1", "hello", T0));
    history.finish("d-1", "SUCCEEDED", Optional.empty(), Optional.empty(), T0.plusSeconds(10));
    history.start(Deploys.started("d-2", "hello", T0.plusSeconds(20)));
    history.finish(
        "d-2", "ROLLED_BACK", Optional.of("health"), Optional.empty(), T0.plusSeconds(30));
    history.start(Deploys.started("r-3", "hello", DeployRecord.RECOVER, T0.plusSeconds(40)));
    history.finish("r-3", "SUCCEEDED", Optional.empty(), Optional.empty(), T0.plusSeconds(41));
    history.start(Deploys.started("d-4", "hello", T0.plusSeconds(50)));
    history.start(Deploys.started("o-1", "other", T0.plusSeconds(60)));
    history.finish("o-1", "SUCCEEDED", Optional.empty(), Optional.empty(), T0.plusSeconds(61));

    assertThat(history.lastSucceeded("hello").map(DeployRecord::id)).contains("d-1");

    // a rollback started before d-4 but finishing after it is what serves
    history.start(Deploys.started("b-5", "hello", DeployRecord.ROLLBACK, T0.plusSeconds(45)));
    history.finish("b-5", "SUCCEEDED", Optional.empty(), Optional.empty(), T0.plusSeconds(70));
    assertThat(history.lastSucceeded("hello").map(DeployRecord::id)).contains("b-5");
  }

  @Test
  void rejectsRecordsOutsideTheClosedSets() {
    assertThatThrownBy(() -> Deploys.started("d-1", "hello", "redeploy", T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind");
    assertThatThrownBy(
            () ->
                new DeployRecord(
                    "d-1",
                    "hello",
                    "deploy",
                    "1",
                    Map.of(),
                    "alice",
                    T0,
                    Optional.of(T0),
                    "RUNNING",
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finishedAt");
    assertThatThrownBy(() -> new DeployStepRecord("d-1", 0, "pull", "DOING", T0, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("state");
  }

  @Test
  void listsAnAppsDeploysStartedSinceAnInstantNewestFirst() {
    history.start(Deploys.started("d-0", "hello", T0));
    history.start(Deploys.started("d-2", "hello", DeployRecord.ROLLBACK, T0.plusSeconds(2)));
    history.start(Deploys.started("d-1", "hello", T0.plusSeconds(1)));
    history.start(Deploys.started("o-1", "other", T0.plusSeconds(1)));

    assertThat(ids(history.since("hello", T0.plusSeconds(1)))).containsExactly("d-2", "d-1");
    assertThat(history.since("hello", T0)).hasSize(3);
    assertThat(history.since("hello", T0.plusSeconds(3))).isEmpty();
    assertThat(history.since("nobody", T0)).isEmpty();
  }

  @Test
  void countsAnAppsDeploysByKindAndOutcome() {
    history.start(Deploys.started("d-0", "hello", T0));
    history.finish("d-0", "SUCCEEDED", Optional.empty(), Optional.empty(), T0);
    history.start(Deploys.started("d-1", "hello", T0));
    history.finish("d-1", "SUCCEEDED", Optional.empty(), Optional.empty(), T0);
    history.start(Deploys.started("d-2", "hello", T0));
    history.finish("d-2", "ROLLED_BACK", Optional.empty(), Optional.empty(), T0);
    history.start(Deploys.started("d-3", "hello", DeployRecord.ROLLBACK, T0));
    history.start(Deploys.started("o-1", "other", T0));

    assertThat(history.counts("hello"))
        .containsExactly(
            new DeployCount("hello", "deploy", "ROLLED_BACK", 1),
            new DeployCount("hello", "deploy", "SUCCEEDED", 2),
            new DeployCount("hello", "rollback", "RUNNING", 1));
    assertThat(history.counts("nobody")).isEmpty();
  }

  @Test
  void recordsADeployStartedByTwoStoresAtOnceOnlyOnce() throws Exception {
    int rounds = 20;
    try (Store other = Store.open(location)) {
      List<List<Outcome>> results =
          race(
              rounds,
              List.of(history, other.deploys()),
              (racer, i) -> racer.start(Deploys.started("d-" + i, "hello", T0)));

      for (int i = 0; i < rounds; i++) {
        assertThat(results.get(i))
            .as("round %d", i)
            .containsExactlyInAnyOrder(
                new Outcome.Done(), new Outcome.Threw(DeployAlreadyRecordedException.class));
      }
      assertThat(history.recent("hello", 100)).hasSize(rounds);
    }
  }

  @Test
  void finishesADeployFinishedByTwoStoresAtOnceOnlyOnce() throws Exception {
    int rounds = 20;
    for (int i = 0; i < rounds; i++) {
      history.start(Deploys.started("d-" + i, "hello", T0));
    }
    try (Store other = Store.open(location)) {
      List<DeployHistory> racers = List.of(history, other.deploys());
      List<List<Outcome>> results =
          race(
              rounds,
              racers,
              (racer, i) ->
                  racer.finish(
                      "d-" + i,
                      racer == history ? DeployRecord.SUCCEEDED : DeployRecord.FAILED,
                      Optional.empty(),
                      Optional.empty(),
                      T0.plusSeconds(1)));

      for (int i = 0; i < rounds; i++) {
        List<Outcome> round = results.get(i);
        assertThat(round)
            .as("round %d", i)
            .containsExactlyInAnyOrder(
                new Outcome.Done(), new Outcome.Threw(IllegalArgumentException.class));
        String winner =
            round.getFirst() instanceof Outcome.Done ? DeployRecord.SUCCEEDED : DeployRecord.FAILED;
        assertThat(history.find("d-" + i).map(DeployRecord::outcome))
            .as("round %d", i)
            .contains(winner);
      }
    }
  }

  /** How one racer's call ended. */
  private sealed interface Outcome {
    record Done() implements Outcome {}

    record Threw(Class<? extends Throwable> type) implements Outcome {}
  }

  /** A call a racer makes in round {@code i}. */
  private interface RacingCall {
    void call(DeployHistory racer, int round);
  }

  /** Each round, every racer makes {@code call} at once; per round, how each racer's call ended. */
  private static List<List<Outcome>> race(int rounds, List<DeployHistory> racers, RacingCall call)
      throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(racers.size());
    try (ExecutorService pool = Executors.newFixedThreadPool(racers.size())) {
      List<Future<List<Outcome>>> futures = new ArrayList<>();
      for (DeployHistory racer : racers) {
        futures.add(
            pool.submit(
                () -> {
                  List<Outcome> outcomes = new ArrayList<>();
                  for (int i = 0; i < rounds; i++) {
                    barrier.await(30, TimeUnit.SECONDS);
                    try {
                      call.call(racer, i);
                      outcomes.add(new Outcome.Done());
                    } catch (RuntimeException e) {
                      outcomes.add(new Outcome.Threw(e.getClass()));
                    }
                  }
                  return outcomes;
                }));
      }
      List<List<Outcome>> byRacer = new ArrayList<>();
      for (Future<List<Outcome>> future : futures) {
        byRacer.add(future.get(120, TimeUnit.SECONDS));
      }
      List<List<Outcome>> byRound = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        int round = i;
        byRound.add(byRacer.stream().map(outcomes -> outcomes.get(round)).toList());
      }
      return byRound;
    }
  }

  private static List<String> ids(List<DeployRecord> records) {
    return records.stream().map(DeployRecord::id).toList();
  }
}
