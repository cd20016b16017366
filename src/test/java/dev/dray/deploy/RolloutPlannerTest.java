package dev.dray.deploy;

import static dev.dray.deploy.DeployFixtures.config;
import static dev.dray.deploy.DeployFixtures.inputs;
import static dev.dray.deploy.DeployFixtures.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dray.config.MigrateConfig;
import dev.dray.deploy.RolloutStep.Migrate;
import dev.dray.deploy.RolloutStep.StartContainer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutPlannerTest {
  private final RolloutPlanner planner = new RolloutPlanner();

  @Test
  void firstDeployStartsEachServiceInDependencyOrderBehindTheProxy() {
    RolloutPlan plan = planner.plan(inputs(config(Optional.empty()), Map.of()));

    assertThat(plan.describe())
        .containsExactly(
            "1. pull 127.0.0.1:5000/acme/hello@sha256:" + "a".repeat(64),
            "2. proxy: 127.0.0.1:8080 → hello_web",
            "3. pre_deploy hook: echo pre",
            "4. back up (1 command(s) + release snapshot, keep last 5)",
            "5. start hello-web-1.2.0-012345 (web, 127.0.0.1:5000/acme/hello@sha256:"
                + "a".repeat(64)
                + ")",
            "6. health check web (hello-web-1.2.0-012345)",
            "7. add hello-web-1.2.0-012345 to proxy backend hello_web",
            "8. switch web traffic to hello-web-1.2.0-012345",
            "9. start hello-worker-1.2.0-012345 (worker, 127.0.0.1:5000/acme/hello@sha256:"
                + "a".repeat(64)
                + ")",
            "10. health check worker (hello-worker-1.2.0-012345)",
            "11. post_deploy hook: echo post",
            "12. prune: keep 3 previous version(s) per service");
  }

  @Test
  void anUpdateSwitchesFromTheOldContainerThenDrainsAndStopsIt() {
    RolloutPlan plan =
        planner.plan(
            inputs(
                config(Optional.empty()),
                Map.of(
                    "web",
                    running("web", "hello-web-1.1.0-fedcba"),
                    "worker",
                    running("worker", "hello-worker-1.1.0-fedcba"))));

    assertThat(plan.describe())
        .contains(
            "8. switch web traffic from hello-web-1.1.0-fedcba to hello-web-1.2.0-012345",
            "9. drain hello-web-1.1.0-fedcba (at most 30s)",
            "10. stop hello-web-1.1.0-fedcba (kept for rollback)",
            "13. stop hello-worker-1.1.0-fedcba (kept for rollback)");
  }

  @Test
  void migrationRunsAsAOneOffOfTheNewImageBeforeAnyServiceMoves() {
    RolloutPlan plan =
        planner.plan(
            inputs(
                config(Optional.of(new MigrateConfig("web", List.of("sh", "-c", "migrate")))),
                Map.of()));

    int migrate = indexOf(plan, Migrate.class);
    int firstStart = indexOf(plan, StartContainer.class);
    assertThat(migrate).isLessThan(firstStart);
    Migrate m = (Migrate) plan.steps().get(migrate);
    assertThat(m.container().image()).isEqualTo(DeployFixtures.PINNED);
    assertThat(m.container().labels()).containsEntry("dray.role", "oneoff");
    assertThat(m.container().restartPolicy()).isEqualTo("no");
  }

  @Test
  void containersCarryLabelsEnvSecretsAndResolvedVolumes() {
    RolloutPlan plan = planner.plan(inputs(config(Optional.empty()), Map.of()));

    StartContainer web =
        plan.steps().stream()
            .filter(StartContainer.class::isInstance)
            .map(StartContainer.class::cast)
            .filter(s -> s.service().equals("web"))
            .findFirst()
            .orElseThrow();
    assertThat(web.container().labels())
        .containsEntry("dray.app", "hello")
        .containsEntry("dray.service", "web")
        .containsEntry("dray.version", "1.2.0")
        .containsEntry("dray.deploy", "0123456789abcdef")
        .containsEntry("dray.role", "web");
    assertThat(web.container().env()).containsEntry("MODE", "prod");
    assertThat(web.container().secretEnv().get("DB_PASSWORD").reveal()).isEqualTo("s3cret");
    assertThat(web.container().binds()).containsExactly("/srv/hello/data:/data");
    assertThat(web.container().publishPort()).contains(80);
    assertThat(plan.describe().toString()).doesNotContain("s3cret");
  }

  @Test
  void aMissingSecretIsAnErrorNamingIt() {
    RolloutInputs in = inputs(config(Optional.empty()), Map.of());
    RolloutInputs noSecrets =
        new RolloutInputs(
            in.deployId(),
            in.app(),
            in.version(),
            in.config(),
            in.images(),
            in.current(),
            Map.of(),
            in.configDir(),
            in.configFiles(),
            in.backupName(),
            in.profiles());

    assertThatThrownBy(() -> planner.plan(noSecrets))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("DB_PASSWORD");
  }

  private static int indexOf(RolloutPlan plan, Class<?> type) {
    for (int i = 0; i < plan.steps().size(); i++) {
      if (type.isInstance(plan.steps().get(i))) {
        return i;
      }
    }
    return -1;
  }
}
