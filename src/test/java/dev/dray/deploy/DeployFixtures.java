package dev.dray.deploy;

import dev.dray.config.BackupCommand;
import dev.dray.config.BackupConfig;
import dev.dray.config.DeployConfig;
import dev.dray.config.HealthcheckConfig;
import dev.dray.config.HooksConfig;
import dev.dray.config.MigrateConfig;
import dev.dray.config.NotifyConfig;
import dev.dray.config.ProxyConfig;
import dev.dray.config.Role;
import dev.dray.config.ServiceConfig;
import dev.dray.image.ImageRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Small deploy settings for planner tests: a web service and a worker that depends on it. */
final class DeployFixtures {
  static final ImageRef IMAGE = ImageRef.parse("127.0.0.1:5000/acme/hello");
  static final String PINNED = "127.0.0.1:5000/acme/hello@sha256:" + "a".repeat(64);

  private DeployFixtures() {}

  static ServiceConfig web() {
    return new ServiceConfig(
        "web",
        Role.WEB,
        IMAGE,
        List.of(),
        Map.of("MODE", "prod"),
        List.of("DB_PASSWORD"),
        List.of("./data:/data"),
        Optional.empty(),
        List.of(),
        Optional.of(
            new HealthcheckConfig(
                Optional.of("/up"),
                Optional.of(80),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                30,
                Duration.ZERO,
                List.of())),
        List.of(),
        Optional.of(80),
        Optional.empty(),
        Duration.ofSeconds(10),
        List.of());
  }

  static ServiceConfig worker() {
    return new ServiceConfig(
        "worker",
        Role.WORKER,
        IMAGE,
        List.of("sh", "-c", "work"),
        Map.of(),
        List.of(),
        List.of(),
        Optional.of("all"),
        List.of(),
        Optional.empty(),
        List.of("web"),
        Optional.empty(),
        Optional.empty(),
        Duration.ofSeconds(5),
        List.of());
  }

  static DeployConfig config(Optional<MigrateConfig> migrate) {
    return new DeployConfig(
        List.of("local"),
        new ProxyConfig(8080, "127.0.0.1", Duration.ofSeconds(30), Duration.ofSeconds(60)),
        List.of(worker(), web()),
        migrate,
        new BackupConfig(5, List.of(new BackupCommand("db", "pg_dump > $DRAY_BACKUP_DIR/db.sql"))),
        new HooksConfig(List.of("echo pre"), List.of("echo post")),
        3,
        new NotifyConfig(List.of(), Set.of("success", "failure", "rollback")));
  }

  static RolloutInputs inputs(DeployConfig config, Map<String, CurrentContainer> current) {
    return new RolloutInputs(
        "0123456789abcdef",
        "hello",
        "1.2.0",
        config,
        Map.of("web", PINNED, "worker", PINNED),
        current,
        Map.of("DB_PASSWORD", dev.dray.Secret.of("s3cret")),
        Path.of("/srv/hello"),
        List.of(Path.of("/srv/hello/dray.yml")),
        "20261122T100000Z-012345",
        Set.of());
  }

  static CurrentContainer running(String service, String name) {
    return new CurrentContainer(
        service,
        name,
        PINNED.replace('a', 'b'),
        "1.1.0",
        "fedcba9876543210",
        true,
        Optional.of(32768));
  }
}
