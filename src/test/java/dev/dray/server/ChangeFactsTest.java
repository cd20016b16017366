package dev.dray.server;

import static dev.dray.server.Records.T0;
import static dev.dray.server.Records.digest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.build.BuildReport;
import dev.dray.build.BuildReport.Outcome;
import dev.dray.store.DeployRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeFactsTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static DeployRecord deploy(String id, int startMinute, String outcome) {
    return Records.deploy(
        id, "hello", "deploy", id, digest('a'), T0.plusSeconds(60L * startMinute), MINUTE, outcome);
  }

  private static DeployRecord rollback(String id, int startMinute, String outcome) {
    return Records.deploy(
        id,
        "hello",
        "rollback",
        id,
        digest('a'),
        T0.plusSeconds(60L * startMinute),
        MINUTE,
        outcome);
  }

  @Test
  void aDeployThatFailedIsAFailedChangeRestoredByTheNextSuccessfulRollout() {
    List<ChangeFacts> facts =
        ChangeFacts.of(
            List.of(
                deploy("d1", 0, "SUCCEEDED"),
                deploy("d2", 10, "FAILED"),
                deploy("d3", 20, "FAILED"),
                deploy("d4", 30, "SUCCEEDED")),
            List.of());

    assertThat(facts.stream().map(ChangeFacts::failedChange))
        .containsExactly(false, true, true, false);
    // d2 ended at minute 11, d4 at minute 31
    assertThat(facts.get(1).timeToRestore()).contains(Duration.ofMinutes(20));
    assertThat(facts.get(2).timeToRestore()).contains(Duration.ofMinutes(10));
    assertThat(facts.get(3).timeToRestore()).isEmpty();
  }

  @Test
  void aDeployFollowedByARollbackIsAFailedChangeRestoredByTheRollback() {
    List<ChangeFacts> facts =
        ChangeFacts.of(
            List.of(rollback("r", 5, "SUCCEEDED"), deploy("d", 0, "SUCCEEDED")), List.of());

    assertThat(facts.get(0).record().id()).isEqualTo("d");
    assertThat(facts.get(0).failedChange()).isTrue();
    assertThat(facts.get(0).timeToRestore()).contains(Duration.ofMinutes(5));
    assertThat(facts.get(1).failedChange()).isFalse();
  }

  @Test
  void aDeployRolledBackByItselfFailedButNeverStoppedService() {
    List<ChangeFacts> facts =
        ChangeFacts.of(
            List.of(deploy("d1", 0, "ROLLED_BACK"), deploy("d2", 10, "SUCCEEDED")), List.of());

    assertThat(facts.get(0).failedChange()).isTrue();
    assertThat(facts.get(0).timeToRestore()).isEmpty();
  }

  @Test
  void aFailureNeverRestoredHasNoTimeToRestore() {
    List<ChangeFacts> facts = ChangeFacts.of(List.of(deploy("d1", 0, "FAILED")), List.of());

    assertThat(facts.get(0).timeToRestore()).isEmpty();
  }

  @Test
  void leadTimeRunsFromTheFirstBuildOfTheDeployedDigestToTheDeploysEnd() {
    List<BuildReport> builds =
        List.of(
            Records.build(
                "b2", "hello", T0.plusSeconds(120), MINUTE, Outcome.SUCCEEDED, 0, digest('a'), 1),
            Records.build("b1", "hello", T0, MINUTE, Outcome.SUCCEEDED, 0, digest('a'), 1),
            Records.build(
                "bx", "hello", T0.minusSeconds(999), MINUTE, Outcome.SUCCEEDED, 0, digest('x'), 1));

    List<ChangeFacts> facts = ChangeFacts.of(List.of(deploy("d", 10, "SUCCEEDED")), builds);

    assertThat(facts.get(0).leadTime()).contains(Duration.ofMinutes(11));
  }

  @Test
  void failedDeploysAndUnknownDigestsHaveNoLeadTime() {
    List<BuildReport> builds =
        List.of(Records.build("b", "hello", T0, MINUTE, Outcome.SUCCEEDED, 0, digest('b'), 1));

    List<ChangeFacts> facts =
        ChangeFacts.of(List.of(deploy("d1", 10, "SUCCEEDED"), deploy("d2", 20, "FAILED")), builds);

    assertThat(facts).allSatisfy(f -> assertThat(f.leadTime()).isEmpty());
  }

  @Test
  void runningRecordsAreLeftOutAndAppsAreJudgedApart() {
    DeployRecord running =
        DeployRecord.started(
            "run", "hello", "deploy", "2", java.util.Map.of(), "a", T0.plusSeconds(600));
    DeployRecord otherRollback =
        Records.deploy(
            "o", "other", "rollback", "1", digest('a'), T0.plusSeconds(60), MINUTE, "SUCCEEDED");

    List<ChangeFacts> facts =
        ChangeFacts.of(List.of(deploy("d", 0, "SUCCEEDED"), running, otherRollback), List.of());

    assertThat(facts.stream().map(f -> f.record().id())).containsExactly("d", "o");
    assertThat(facts.get(0).failedChange()).isFalse();
  }

  @Test
  void readsTheDigestOfAnImageReference() {
    assertThat(ChangeFacts.digestOf("127.0.0.1:5000/a/b:1@" + digest('c'))).contains(digest('c'));
    assertThat(ChangeFacts.digestOf("127.0.0.1:5000/a/b:1")).isEqualTo(Optional.empty());
  }
}
