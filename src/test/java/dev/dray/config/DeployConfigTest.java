package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dray.image.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The deploy sections of dray.yml: defaults, what they read, and every problem they report. */
class DeployConfigTest {
  /** A valid config with services; tests replace or append lines. Line numbers matter. */
  private static final String VALID =
      """
      service: app
      image: 127.0.0.1:5000/acme/app
      proxy:
        port: 8080
      services:
        web:
          port: 80
          healthcheck: {path: /up}
        worker:
          command: [sh, -c, "sleep 1000"]
          depends_on: [web]
      """;

  @TempDir Path dir;

  @BeforeEach
  void createDockerfile() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\n");
  }

  private DrayConfig load(String yaml) throws IOException {
    Path file = dir.resolve("dray.yml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file, Map.of());
  }

  private List<String> problems(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void aBuildOnlyConfigHasTheDefaultDeploySettingsAndNoServices() throws IOException {
    DrayConfig config = load("service: app\nimage: acme/app\n");

    assertThat(config.deploy()).isEqualTo(DeployConfig.defaults());
    assertThat(config.deploy().services()).isEmpty();
    assertThat(config.deploy().servers()).containsExactly("local");
    assertThat(config.deploy().proxy())
        .isEqualTo(new ProxyConfig(80, "0.0.0.0", Duration.ofSeconds(30), Duration.ofSeconds(120)));
    assertThat(config.deploy().migrate()).isEmpty();
    assertThat(config.deploy().backups()).isEqualTo(new BackupConfig(5, List.of()));
    assertThat(config.deploy().hooks()).isEqualTo(new HooksConfig(List.of(), List.of()));
    assertThat(config.deploy().retentionKeep()).isEqualTo(3);
    assertThat(config.deploy().notifications())
        .isEqualTo(new NotifyConfig(List.of(), Set.of("success", "failure", "rollback")));
    assertThat(config.compose()).isEmpty();
  }

  @Test
  void fillsServiceDefaults() throws IOException {
    DeployConfig deploy = load(VALID).deploy();

    ServiceConfig web = deploy.services().get(0);
    assertThat(web)
        .isEqualTo(
            new ServiceConfig(
                "web",
                Role.WEB,
                ImageRef.parse("127.0.0.1:5000/acme/app"),
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.of(
                    new HealthcheckConfig(
                        Optional.of("/up"),
                        Optional.of(80),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        30,
                        Duration.ZERO,
                        List.of())),
                List.of(),
                Optional.of(80),
                Optional.of(8080),
                Duration.ofSeconds(10),
                List.of()));
    ServiceConfig worker = deploy.services().get(1);
    assertThat(worker.role()).isEqualTo(Role.WORKER);
    assertThat(worker.command()).containsExactly("sh", "-c", "sleep 1000");
    assertThat(worker.dependsOn()).containsExactly("web");
    assertThat(worker.publicPort()).isEmpty();
  }

  @Test
  void mergesEnvFilesUnderEnvAndKeepsSecretsOutOfToString() throws IOException {
    Files.writeString(dir.resolve("one.env"), "A=from-one\nB=from-one\nPASSWORD=hunter2\n");
    Files.writeString(dir.resolve("two.env"), "B=from-two\n");

    ServiceConfig service =
        load("""
                service: app
                image: acme/app
                services:
                  api:
                    env_file: [one.env, two.env]
                    env: {A: from-env}
                    secrets: [DB_PASSWORD]
                """)
            .deploy()
            .services()
            .get(0);

    assertThat(service.env())
        .containsExactly(
            Map.entry("A", "from-env"),
            Map.entry("B", "from-two"),
            Map.entry("PASSWORD", "hunter2"));
    assertThat(service.secrets()).containsExactly("DB_PASSWORD");
    assertThat(service.toString()).contains("PASSWORD").doesNotContain("hunter2");
  }

  @Test
  void acceptsAStringEnvFileSshServersAndACommandString() throws IOException {
    Files.writeString(dir.resolve(".env"), "A=1\n");

    DeployConfig deploy =
        load("""
                service: app
                image: acme/app
                servers: [local, "ssh://deploy@app.example.com:2222", "ssh://root@10.0.0.5"]
                services:
                  api:
                    env_file: .env
                    command: sh -c 'echo "$A"'
                migrate:
                  command: ./migrate --all
                """)
            .deploy();

    assertThat(deploy.servers())
        .containsExactly("local", "ssh://deploy@app.example.com:2222", "ssh://root@10.0.0.5");
    assertThat(deploy.services().get(0).env()).containsExactly(Map.entry("A", "1"));
    assertThat(deploy.services().get(0).command()).containsExactly("sh", "-c", "echo \"$A\"");
    assertThat(deploy.migrate()).contains(new MigrateConfig("api", List.of("./migrate", "--all")));
  }

  @Test
  void activeServicesFollowProfilesAndPullInDependencies() throws IOException {
    DeployConfig deploy =
        load("""
                service: app
                image: acme/app
                services:
                  cache: {profiles: [full]}
                  web: {port: 80, depends_on: [api]}
                  api: {depends_on: [cache], profiles: [full, lite]}
                  gpu: {profiles: [gpu]}
                """)
            .deploy();

    assertThat(deploy.activeServices(Set.of()))
        .extracting(ServiceConfig::name)
        .containsExactly("cache", "web", "api");
    assertThat(deploy.activeServices(Set.of("gpu")))
        .extracting(ServiceConfig::name)
        .containsExactly("cache", "web", "api", "gpu");
    assertThat(deploy.services().get(3).isActive(Set.of("lite"))).isFalse();
    assertThat(deploy.services().get(2).isActive(Set.of("lite"))).isTrue();
  }

  @Test
  void givesProxyPortToTheFirstWebServiceWithoutAPublicPort() throws IOException {
    DeployConfig deploy =
        load("""
                service: app
                image: acme/app
                services:
                  admin: {port: 80, public_port: 8081}
                  web: {port: 80}
                """)
            .deploy();

    assertThat(deploy.services())
        .extracting(ServiceConfig::publicPort)
        .containsExactly(Optional.of(8081), Optional.of(80));
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        Arguments.of(
            "public port used twice",
            VALID + "  api:\n    port: 81\n    public_port: 8080\n",
            List.of(
                "services.api.public_port (dray.yml:14:18): public port 8080 is already used by"
                    + " 'web' (dray.yml:6:3, from proxy.port)")),
        Arguments.of(
            "two explicit public ports alike",
            VALID
                + "  api:\n    port: 81\n    public_port: 9000\n"
                + "  admin:\n    port: 82\n    public_port: 9000\n",
            List.of(
                "services.admin.public_port (dray.yml:17:18): public port 9000 is already used by"
                    + " 'api' (dray.yml:14:5)")),
        Arguments.of(
            "second web service without a public port",
            VALID + "  api:\n    port: 81\n",
            List.of(
                "services.api (dray.yml:12:3): a second web service needs its own public port"
                    + " (public_port, or a published port in Compose): proxy.port 8080 already goes"
                    + " to 'web'")),
        Arguments.of(
            "depends_on an unknown service",
            VALID.replace("depends_on: [web]", "depends_on: [wbe]"),
            List.of(
                "services.worker.depends_on[0] (dray.yml:11:18): unknown service 'wbe'; did you"
                    + " mean 'web'?")),
        Arguments.of(
            "depends_on with nothing close",
            VALID.replace("depends_on: [web]", "depends_on: [database]"),
            List.of(
                "services.worker.depends_on[0] (dray.yml:11:18): unknown service 'database';"
                    + " services are web, worker")),
        Arguments.of(
            "depends_on cycle",
            VALID.replace("    healthcheck: {path: /up}\n", "    depends_on: [worker]\n"),
            List.of(
                "services.worker.depends_on[0] (dray.yml:11:18): depends_on forms a cycle: web →"
                    + " worker → web; services must start in some order")),
        Arguments.of(
            "depends_on itself",
            VALID.replace("depends_on: [web]", "depends_on: [web, worker]"),
            List.of(
                "services.worker.depends_on[1] (dray.yml:11:23): depends_on forms a cycle: worker"
                    + " → worker; services must start in some order")),
        Arguments.of(
            "migrate.service unknown",
            VALID + "migrate:\n  service: api\n",
            List.of(
                "migrate.service (dray.yml:13:12): unknown service 'api'; services are web, worker")),
        Arguments.of(
            "migrate without services",
            "service: app\nimage: acme/app\nmigrate:\n  command: [true]\n",
            List.of(
                "migrate (dray.yml:3:1): migrate runs from the image of a service, and no services"
                    + " are defined; add services or compose")),
        Arguments.of(
            "web role without port",
            VALID.replace("    command: [sh", "    role: web\n    command: [sh"),
            List.of(
                "services.worker.role (dray.yml:10:11): a web service needs port: the container"
                    + " port the proxy sends traffic to")),
        Arguments.of(
            "worker with a port",
            VALID.replace("    port: 80\n", "    role: worker\n    port: 80\n"),
            List.of(
                "services.web.port (dray.yml:8:11): port is for web services behind the proxy;"
                    + " remove it or set role: web")),
        Arguments.of(
            "worker with a public port",
            VALID + "    public_port: 9000\n",
            List.of(
                "services.worker.public_port (dray.yml:12:18): public_port is for web services"
                    + " behind the proxy; remove it")),
        Arguments.of(
            "role that does not exist",
            VALID.replace("    port: 80\n", "    role: api\n    port: 80\n"),
            List.of("services.web.role (dray.yml:7:11): expected one of web, worker, got 'api'")),
        Arguments.of(
            "zero gpus",
            VALID + "    gpus: 0\n",
            List.of(
                "services.worker.gpus (dray.yml:12:11): expected all or a positive number of GPUs, got 0")),
        Arguments.of(
            "gpus as a word",
            VALID + "    gpus: any\n",
            List.of(
                "services.worker.gpus (dray.yml:12:11): expected all or a positive number of GPUs,"
                    + " got 'any'")),
        Arguments.of(
            "gpus as a list",
            VALID + "    gpus: [0, 1]\n",
            List.of(
                "services.worker.gpus (dray.yml:12:11): expected all or a positive number of GPUs,"
                    + " got a list")),
        Arguments.of(
            "duration without unit",
            VALID + "    stop_timeout: 30\n",
            List.of(
                "services.worker.stop_timeout (dray.yml:12:19): expected a duration like 500ms, 2s"
                    + " or 1m30s, got 30")),
        Arguments.of(
            "duration with a space",
            VALID.replace("{path: /up}", "{path: /up, interval: 2 s}"),
            List.of(
                "services.web.healthcheck.interval (dray.yml:8:40): expected a duration like 500ms,"
                    + " 2s or 1m30s, got '2 s'")),
        Arguments.of(
            "proxy duration in words",
            VALID.replace("  port: 8080\n", "  port: 8080\n  drain_timeout: half a minute\n"),
            List.of(
                "proxy.drain_timeout (dray.yml:5:18): expected a duration like 500ms, 2s or 1m30s,"
                    + " got 'half a minute'")),
        Arguments.of(
            "server that is neither local nor ssh",
            VALID + "servers: [local, web1, 'ssh://host']\n",
            List.of(
                "servers[1] (dray.yml:12:18): expected local or ssh://user@host[:port], got 'web1'",
                "servers[2] (dray.yml:12:24): expected local or ssh://user@host[:port], got"
                    + " 'ssh://host'")),
        Arguments.of(
            "ssh port out of range",
            VALID + "servers: ['ssh://me@host:70000']\n",
            List.of(
                "servers[0] (dray.yml:12:11): expected an SSH port from 1 to 65535, got 70000")),
        Arguments.of(
            "no servers",
            VALID + "servers: []\n",
            List.of("servers (dray.yml:12:10): expected at least 1 entry, got none")),
        Arguments.of(
            "compose and services together",
            VALID + "compose: docker-compose.yml\n",
            List.of(
                "compose (dray.yml:12:1): compose and services are both set; services come from one"
                    + " of them, so remove one")),
        Arguments.of(
            "secret that is no variable name",
            VALID + "    secrets: [DB_PASSWORD, db-password]\n",
            List.of(
                "services.worker.secrets[1] (dray.yml:12:28): expected an environment variable name"
                    + " (letters, digits and _, not starting with a digit), got 'db-password'")),
        Arguments.of(
            "secret also set in env",
            VALID + "    env: {TOKEN: x}\n    secrets: [TOKEN]\n",
            List.of(
                "services.worker.secrets[0] (dray.yml:13:15): 'TOKEN' is also set in env; a"
                    + " secret's value comes from dray's environment, so remove one")),
        Arguments.of(
            "healthcheck path on a service without port",
            VALID + "    healthcheck: {path: /up}\n",
            List.of(
                "services.worker.healthcheck.path (dray.yml:12:25): an HTTP check needs a port: set"
                    + " healthcheck.port (this service has no port)")),
        Arguments.of(
            "healthcheck with path and test",
            VALID.replace("{path: /up}", "{path: /up, test: [CMD, \"true\"]}"),
            List.of(
                "services.web.healthcheck.test (dray.yml:8:36): set path (an HTTP check) or test (a"
                    + " command), not both")),
        Arguments.of(
            "healthcheck port without path",
            VALID + "    healthcheck: {port: 9000}\n",
            List.of(
                "services.worker.healthcheck.port (dray.yml:12:25): port is only used with path (an"
                    + " HTTP check); add path or remove it")),
        Arguments.of(
            "healthcheck test of an unknown kind",
            VALID + "    healthcheck: {test: [curl, -f, localhost]}\n",
            List.of(
                "services.worker.healthcheck.test (dray.yml:12:25): expected a command string, or a"
                    + " list [CMD, program, arg…], [CMD-SHELL, command] or [NONE]")),
        Arguments.of(
            "healthcheck path without slash",
            VALID.replace("{path: /up}", "{path: up}"),
            List.of(
                "services.web.healthcheck.path (dray.yml:8:25): expected a path starting with /,"
                    + " got 'up'")),
        Arguments.of(
            "misspelt service key",
            VALID.replace("healthcheck:", "helthcheck:"),
            List.of(
                "services.web.helthcheck (dray.yml:8:5): unknown key; did you mean 'healthcheck'?")),
        Arguments.of(
            "service name with a space",
            VALID + "  'my api':\n    command: [x]\n",
            List.of(
                "services.\"my api\" (dray.yml:12:3): expected a service name of letters, digits, _ ."
                    + " and -, starting with a letter or digit, got 'my api'")),
        Arguments.of(
            "service image with a tag",
            VALID + "    image: acme/worker:1.0\n",
            List.of(
                "services.worker.image (dray.yml:12:12): expected a repository without a tag, got"
                    + " tag '1.0'; the version is chosen at deploy time")),
        Arguments.of(
            "volume with a relative container path",
            VALID + "    volumes: ['data:data']\n",
            List.of(
                "services.worker.volumes[0] (dray.yml:12:15): the container path in 'data:data' must"
                    + " be absolute (start with /)")),
        Arguments.of(
            "command with an unclosed quote",
            VALID.replace("command: [sh, -c, \"sleep 1000\"]", "command: sh -c 'sleep 1000"),
            List.of(
                "services.worker.command (dray.yml:10:14): the command has an unclosed single quote;"
                    + " write the command as a list")),
        Arguments.of(
            "port out of range",
            VALID.replace("    port: 80\n", "    port: 80000\n"),
            List.of("services.web.port (dray.yml:7:11): expected at most 65535, got 80000")),
        Arguments.of(
            "notify URL without scheme, not repeated",
            VALID + "notify:\n  urls: ['123456:secret-token@telegram']\n",
            List.of(
                "notify.urls[0] (dray.yml:13:10): expected a notification URL such as"
                    + " telegram://TOKEN@telegram?chats=123 or generic+https://host/path; this one"
                    + " has no scheme:// part")),
        Arguments.of(
            "notify outcome that does not exist",
            VALID + "notify:\n  on: [success, deploy]\n",
            List.of(
                "notify.on[1] (dray.yml:13:17): expected one of success, failure, rollback, got"
                    + " 'deploy'")),
        Arguments.of(
            "backups keeping none and a missing run",
            VALID + "backups:\n  keep: 0\n  commands:\n    - name: files\n",
            List.of(
                "backups.keep (dray.yml:13:9): expected at least 1, got 0",
                "backups.commands[0].run (dray.yml:15:7): required key missing")),
        Arguments.of(
            "backup name used twice",
            VALID
                + "backups:\n  commands:\n    - {name: db, run: pg_dump}\n"
                + "    - {name: db, run: pg_dump}\n",
            List.of(
                "backups.commands[1].name (dray.yml:15:14): duplicate backup name 'db'; first used at"
                    + " dray.yml:14:8")),
        Arguments.of(
            "retention keeping nothing",
            VALID + "retention:\n  keep: 0\n",
            List.of("retention.keep (dray.yml:13:9): expected at least 1, got 0")),
        Arguments.of(
            "hook that is not a string",
            VALID + "hooks:\n  pre_deploy: [[echo, pre]]\n",
            List.of("hooks.pre_deploy[0] (dray.yml:13:16): expected a string, got a list")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidConfigs")
  void reportsEveryDeployProblemWithPathLineAndColumn(
      String title, String yaml, List<String> expected) {
    assertThat(problems(yaml)).isEqualTo(expected);
  }

  @Test
  void saysWhichEnvFileWasTried() throws IOException {
    Files.createDirectories(dir.resolve("conf"));

    assertThat(problems(VALID + "    env_file: [conf, missing.env]\n"))
        .containsExactly(
            "services.worker.env_file[0] (dray.yml:12:16): not a file: " + dir.resolve("conf"),
            "services.worker.env_file[1] (dray.yml:12:22): file not found: "
                + dir.resolve("missing.env"));
  }

  @Test
  void reportsUnreadableEnvFileLinesInThatFile() throws IOException {
    Files.writeString(dir.resolve("app.env"), "OK=1\nnot a line\n");

    assertThat(problems(VALID + "    env_file: app.env\n"))
        .containsExactly("app.env:2:1: expected KEY=VALUE");
  }

  @Test
  void saysWhichComposeFileWasTried() {
    assertThat(problems("service: app\nimage: acme/app\ncompose: compose.yml\n"))
        .containsExactly("compose (dray.yml:3:10): file not found: " + dir.resolve("compose.yml"));
  }
}
