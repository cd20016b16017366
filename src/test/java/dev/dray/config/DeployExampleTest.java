package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.image.ImageRef;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the deploy sections of the commented example dray.yml in docs/examples. */
class DeployExampleTest {
  @TempDir Path dir;

  @Test
  void readsEveryDeploySectionOfTheExampleDrayYml() throws IOException {
    Path examples = ExampleFiles.copyTo(dir).toAbsolutePath().normalize();

    DeployConfig deploy = ConfigLoader.load(examples.resolve("dray.yml"), Map.of()).deploy();

    assertThat(deploy.servers()).containsExactly("local");
    assertThat(deploy.proxy())
        .isEqualTo(
            new ProxyConfig(8080, "127.0.0.1", Duration.ofSeconds(30), Duration.ofMinutes(2)));
    assertThat(deploy.services())
        .extracting(ServiceConfig::name)
        .containsExactly("web", "api", "worker");
    assertThat(deploy.services().get(0))
        .isEqualTo(
            new ServiceConfig(
                "web",
                Role.WEB,
                ImageRef.parse("127.0.0.1:5000/acme/listening-trainer-web"),
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of("api"),
                Optional.of(3000),
                Optional.of(8080),
                Duration.ofSeconds(10),
                List.of()));
    ServiceConfig api = deploy.services().get(1);
    assertThat(api.role()).isEqualTo(Role.WEB);
    assertThat(api.image()).isEqualTo(ImageRef.parse("127.0.0.1:5000/acme/listening-trainer"));
    assertThat(api.command())
        .containsExactly("uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000");
    assertThat(api.port()).contains(8000);
    assertThat(api.publicPort()).contains(8081);
    assertThat(api.env())
        .containsExactly(
            Map.entry("DATABASE_URL", "postgresql://trainer@127.0.0.1/trainer"),
            Map.entry("LOG_LEVEL", "info"),
            Map.entry("WORKERS", "2"));
    assertThat(api.secrets()).containsExactly("DB_PASSWORD");
    assertThat(api.volumes())
        .containsExactly("audio:/data/audio", examples.resolve("conf") + ":/etc/app:ro");
    assertThat(api.healthcheck())
        .contains(
            new HealthcheckConfig(
                Optional.of("/health"),
                Optional.of(8000),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                30,
                Duration.ofSeconds(10),
                List.of()));
    assertThat(api.stopTimeout()).isEqualTo(Duration.ofSeconds(30));
    ServiceConfig worker = deploy.services().get(2);
    assertThat(worker.role()).isEqualTo(Role.WORKER);
    assertThat(worker.image()).isEqualTo(ImageRef.parse("127.0.0.1:5000/acme/listening-trainer"));
    assertThat(worker.command())
        .containsExactly(
            "celery", "-A", "app.worker", "worker", "--loglevel=info", "--concurrency=1");
    assertThat(worker.gpus()).contains("all");
    assertThat(worker.devices()).containsExactly("/dev/snd");
    assertThat(worker.healthcheck().orElseThrow().test())
        .containsExactly("CMD-SHELL", "celery -A app.worker inspect ping");
    assertThat(worker.healthcheck().orElseThrow().path()).isEmpty();
    assertThat(worker.port()).isEmpty();
    assertThat(worker.publicPort()).isEmpty();
    assertThat(worker.profiles()).containsExactly("gpu");
    assertThat(deploy.migrate())
        .contains(new MigrateConfig("api", List.of("alembic", "upgrade", "head")));
    assertThat(deploy.backups())
        .isEqualTo(
            new BackupConfig(
                5,
                List.of(
                    new BackupCommand(
                        "db",
                        "pg_dump -h 127.0.0.1 -U trainer trainer > \"$DRAY_BACKUP_DIR/db.sql\""))));
    assertThat(deploy.hooks())
        .isEqualTo(
            new HooksConfig(
                List.of("echo deploying $DRAY_APP $DRAY_VERSION"),
                List.of("curl -fsS https://status.example.com/ping")));
    assertThat(deploy.retentionKeep()).isEqualTo(3);
    assertThat(deploy.notifications().urls())
        .containsExactly(
            "telegram://TOKEN@telegram?chats=123", "generic+http://127.0.0.1:9000/hook");
    assertThat(deploy.notifications().on()).containsExactly("failure", "rollback");
    assertThat(deploy.activeServices(Set.of()))
        .extracting(ServiceConfig::name)
        .containsExactly("web", "api");
    assertThat(deploy.activeServices(Set.of("gpu")))
        .extracting(ServiceConfig::name)
        .containsExactly("web", "api", "worker");
  }
}
