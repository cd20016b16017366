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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Compose files read as dray's services: the example, each supported key, every problem. */
class ComposeLoaderTest {
  /** A valid Compose file; tests replace or append lines. Line numbers matter. */
  private static final String VALID =
      """
      services:
        backend:
          image: ghcr.io/acme/tts:${IMAGE_TAG:-latest}
          ports: ["8000:8000"]
        worker:
          image: ghcr.io/acme/tts:${IMAGE_TAG:-latest}
          depends_on: [backend]
      """;

  private static final ImageRef APP_IMAGE = ImageRef.parse("ghcr.io/acme/app");

  @TempDir Path dir;

  private ComposeFile load(String yaml) throws IOException {
    return load(yaml, Map.of());
  }

  private ComposeFile load(String yaml, Map<String, String> env) throws IOException {
    Path file = dir.resolve("docker-compose.yml");
    Files.writeString(file, yaml);
    return ComposeLoader.load(file, env, APP_IMAGE, ProxyConfig.defaults());
  }

  private List<String> problems(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void readsTheExampleGpuTextToSpeechApp() throws IOException {
    Path compose = ExampleFiles.copyTo(dir).resolve("compose").toAbsolutePath().normalize();

    DrayConfig config =
        ConfigLoader.load(compose.resolve("dray.yml"), Map.of("HF_TOKEN", "hf_not_read_here"));

    DeployConfig deploy = config.deploy();
    assertThat(deploy.services())
        .extracting(ServiceConfig::name)
        .containsExactly("backend", "frontend", "worker");
    ServiceConfig backend = deploy.services().get(0);
    assertThat(backend)
        .isEqualTo(
            new ServiceConfig(
                "backend",
                Role.WEB,
                ImageRef.parse("ghcr.io/acme/tts"),
                List.of("uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"),
                Map.of(
                    "DATABASE_URL", "postgresql://tts@127.0.0.1/tts",
                    "LOG_LEVEL", "info",
                    "TTS_MODEL", "xtts-v2"),
                List.of("HF_TOKEN"),
                List.of("models:/models", compose.resolve("voices") + ":/app/voices:ro"),
                Optional.of("1"),
                List.of(),
                Optional.of(
                    new HealthcheckConfig(
                        Optional.empty(),
                        Optional.empty(),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        30,
                        Duration.ofSeconds(60),
                        List.of("CMD", "curl", "-f", "http://localhost:8000/health"))),
                List.of(),
                Optional.of(8000),
                Optional.of(8000),
                Duration.ofSeconds(30),
                List.of()));
    assertThat(backend.toString()).doesNotContain("hf_not_read_here").doesNotContain("xtts-v2");
    ServiceConfig frontend = deploy.services().get(1);
    assertThat(frontend.role()).isEqualTo(Role.WEB);
    assertThat(frontend.image()).isEqualTo(ImageRef.parse("ghcr.io/acme/tts-frontend"));
    assertThat(frontend.env())
        .containsExactly(Map.entry("NEXT_PUBLIC_API_URL", "http://localhost:8000"));
    assertThat(frontend.port()).contains(3000);
    assertThat(frontend.publicPort()).contains(8080);
    assertThat(frontend.dependsOn()).containsExactly("backend");
    ServiceConfig worker = deploy.services().get(2);
    assertThat(worker.role()).isEqualTo(Role.WORKER);
    assertThat(worker.command())
        .containsExactly(
            "celery", "-A", "app.worker", "worker", "--loglevel=info", "--concurrency=1");
    assertThat(worker.env()).containsEntry("TTS_MODEL", "xtts-v2").containsKey("DATABASE_URL");
    assertThat(worker.devices()).containsExactly("/dev/snd");
    assertThat(worker.dependsOn()).containsExactly("backend");
    assertThat(worker.profiles()).containsExactly("batch");
    assertThat(deploy.migrate())
        .contains(new MigrateConfig("backend", List.of("alembic", "upgrade", "head")));
    assertThat(deploy.activeServices(Set.of()))
        .extracting(ServiceConfig::name)
        .containsExactly("backend", "frontend");
    assertThat(deploy.activeServices(Set.of("batch"))).hasSize(3);
    ComposeFile file = config.compose().orElseThrow();
    assertThat(file.file()).isEqualTo(compose.resolve("docker-compose.yml"));
    assertThat(file.services()).isEqualTo(deploy.services());
    assertThat(file.migrate()).isEqualTo(deploy.migrate());
    assertThat(file.defaultTags())
        .containsExactly(
            Map.entry("backend", "latest"),
            Map.entry("frontend", "latest"),
            Map.entry("worker", "latest"));
    assertThat(file.defaultVersion()).contains("latest");
    assertThat(file.warnings()).isEmpty();
  }

  @Test
  void takesVariablesFromTheEnvironmentOverTheDotEnvFile() throws IOException {
    Files.writeString(dir.resolve(".env"), "IMAGE_TAG=from-dotenv\nMODEL=from-dotenv\n");
    String yaml = VALID + "    environment: {MODEL: $MODEL}\n";

    ComposeFile fromDotEnv = load(yaml);
    ComposeFile fromEnv = load(yaml, Map.of("IMAGE_TAG", "2024.11.3"));

    assertThat(fromDotEnv.defaultVersion()).contains("from-dotenv");
    assertThat(fromEnv.defaultTags())
        .containsExactly(Map.entry("backend", "2024.11.3"), Map.entry("worker", "2024.11.3"));
    assertThat(fromEnv.services().get(1).env()).containsExactly(Map.entry("MODEL", "from-dotenv"));
  }

  @Test
  void warnsAboutVariablesWithoutValueAndReportsNoVersionWhenTagsDiffer() throws IOException {
    ComposeFile file =
        load(
            VALID
                    .replace(
                        "tts:${IMAGE_TAG:-latest}\n    depends_on",
                        "tts:$WORKER_TAG\n    depends_on")
                    .replace("tts:$WORKER_TAG", "tts:v${WORKER_TAG}")
                + "    command: run --size=${SIZE}\n");

    assertThat(file.defaultTags())
        .containsExactly(Map.entry("backend", "latest"), Map.entry("worker", "v"));
    assertThat(file.defaultVersion()).isEmpty();
    assertThat(file.services().get(1).command()).containsExactly("run", "--size=");
    assertThat(file.warnings())
        .containsExactly(
            "variable WORKER_TAG is not set; using an empty string (services.worker.image at"
                + " docker-compose.yml:6:12)",
            "variable SIZE is not set; using an empty string (services.worker.command at"
                + " docker-compose.yml:8:14)");
  }

  @Test
  void readsEachWayOfWritingPortsEnvironmentAndDependencies() throws IOException {
    Files.writeString(dir.resolve("shared.env"), "A=from-file\nB=from-file\n");
    ComposeFile file =
        load(
            """
            services:
              a: {image: acme/a, ports: [80]}
              b: {image: acme/b, ports: ["9001:81/tcp"], environment: [X=1, "Y=a=b", TOKEN]}
              c:
                image: acme/c
                ports: [{target: 82, published: "9002", protocol: tcp}]
                environment: {X: 1, FLAG: true, TOKEN: }
                env_file: [shared.env, {path: optional.env, required: false}]
                depends_on: {a: {condition: service_healthy}, b: {condition: service_started}}
              d: {image: acme/d, ports: [{target: "83", published: 9003}], depends_on: [a, a]}
            """);

    List<ServiceConfig> services = file.services();
    assertThat(services)
        .extracting(ServiceConfig::port)
        .containsExactly(Optional.of(80), Optional.of(81), Optional.of(82), Optional.of(83));
    assertThat(services)
        .extracting(ServiceConfig::publicPort)
        .containsExactly(Optional.of(80), Optional.of(9001), Optional.of(9002), Optional.of(9003));
    assertThat(services.get(1).env()).containsExactly(Map.entry("X", "1"), Map.entry("Y", "a=b"));
    assertThat(services.get(1).secrets()).containsExactly("TOKEN");
    assertThat(services.get(2).env())
        .containsExactly(
            Map.entry("A", "from-file"),
            Map.entry("B", "from-file"),
            Map.entry("X", "1"),
            Map.entry("FLAG", "true"));
    assertThat(services.get(2).secrets()).containsExactly("TOKEN");
    assertThat(services.get(2).dependsOn()).containsExactly("a", "b");
    assertThat(services.get(3).dependsOn()).containsExactly("a");
  }

  @Test
  void readsGpuRequestsHealthchecksAndIgnoredKeys() throws IOException {
    ComposeFile file =
        load(
            """
            x-common: {anything: goes}
            version: "3.9"
            name: tts
            services:
              all-gpus:
                build: {context: ., dockerfile: Dockerfile.gpu}
                deploy: {resources: {reservations: {devices: [{capabilities: [gpu, utility]}]}}}
                healthcheck: {test: curl -f localhost/health}
                restart: always
                container_name: fixed
                networks: [back]
                expose: ["8000"]
                x-note: ignored
              two-gpus:
                image: acme/gpu
                gpus: 2
                healthcheck: {disable: true}
              no-check:
                image: acme/plain
                healthcheck: {test: [NONE]}
            networks: {back: {}}
            volumes: {models: }
            """);

    ServiceConfig allGpus = file.services().get(0);
    assertThat(allGpus.image()).isEqualTo(APP_IMAGE);
    assertThat(allGpus.gpus()).contains("all");
    assertThat(allGpus.healthcheck())
        .contains(
            new HealthcheckConfig(
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                3,
                Duration.ZERO,
                List.of("CMD-SHELL", "curl -f localhost/health")));
    assertThat(file.services().get(1).gpus()).contains("2");
    assertThat(file.services().get(1).healthcheck().orElseThrow().test()).containsExactly("NONE");
    assertThat(file.services().get(2).healthcheck().orElseThrow().test()).containsExactly("NONE");
    assertThat(file.defaultTags()).isEmpty();
    assertThat(file.defaultVersion()).isEmpty();
  }

  @Test
  void takesTheMigrateServiceAsTheMigrationOfTheServiceSharingItsImage() throws IOException {
    ComposeFile file =
        load(
            """
            services:
              frontend: {image: acme/web, depends_on: [migrate]}
              backend:
                image: acme/api:1.2
                environment: {DB: postgres, LOG: info}
                depends_on: {migrate: {condition: service_completed_successfully}}
              migrate:
                image: acme/api:1.2
                command: alembic upgrade head
                environment: {DB: postgres}
                profiles: [tools]
            """);

    assertThat(file.migrate())
        .contains(new MigrateConfig("backend", List.of("alembic", "upgrade", "head")));
    assertThat(file.services())
        .extracting(ServiceConfig::name)
        .containsExactly("frontend", "backend");
    assertThat(file.services()).allSatisfy(s -> assertThat(s.dependsOn()).isEmpty());
    assertThat(file.defaultTags()).containsExactly(Map.entry("backend", "1.2"));
  }

  static Stream<Arguments> invalidComposeFiles() {
    return Stream.of(
        Arguments.of(
            "required variable not set",
            VALID + "    environment:\n      TTS_MODEL: ${TTS_MODEL:?set TTS_MODEL in .env}\n",
            List.of(
                "services.worker.environment.TTS_MODEL (docker-compose.yml:9:18): required variable"
                    + " TTS_MODEL is not set: set TTS_MODEL in .env")),
        Arguments.of(
            "malformed variable",
            VALID.replace("tts:${IMAGE_TAG:-latest}\n    ports", "tts:${IMAGE TAG}\n    ports"),
            List.of(
                "services.backend.image (docker-compose.yml:3:12): unexpected ' ' in ${IMAGE…};"
                    + " expected }, :-, -, :?, ?, :+ or +")),
        Arguments.of(
            "lone dollar sign",
            VALID + "    command: echo costs 5$\n",
            List.of(
                "services.worker.command (docker-compose.yml:8:14): a lone $ at the end; write $$"
                    + " for a literal $")),
        Arguments.of(
            "unknown top-level key",
            VALID + "configs:\n  app: {file: ./app.conf}\n",
            List.of(
                "configs (docker-compose.yml:8:1): not read by dray: a Compose file for dray has"
                    + " services, and may have volumes, networks, version, name and x-* extension"
                    + " keys")),
        Arguments.of(
            "misspelt top-level key",
            VALID.replace("services:", "servcies:"),
            List.of(
                "servcies (docker-compose.yml:1:1): not read by dray: a Compose file for dray has"
                    + " services, and may have volumes, networks, version, name and x-* extension"
                    + " keys; did you mean 'services'?",
                "services (docker-compose.yml:1:1): required key missing")),
        Arguments.of(
            "unsupported service key",
            VALID + "    entrypoint: [/init]\n",
            List.of(
                "services.worker.entrypoint (docker-compose.yml:8:5): not supported by dray; a"
                    + " service may have image, command, environment, env_file, volumes, ports,"
                    + " healthcheck, depends_on, deploy (GPU reservations), gpus, devices, profiles"
                    + " and stop_grace_period, and dray ignores build, restart, container_name,"
                    + " networks, expose and x-* keys")),
        Arguments.of(
            "misspelt service key",
            VALID + "    enviroment: {A: 1}\n",
            List.of(
                "services.worker.enviroment (docker-compose.yml:8:5): not supported by dray; a"
                    + " service may have image, command, environment, env_file, volumes, ports,"
                    + " healthcheck, depends_on, deploy (GPU reservations), gpus, devices, profiles"
                    + " and stop_grace_period, and dray ignores build, restart, container_name,"
                    + " networks, expose and x-* keys; did you mean 'environment'?")),
        Arguments.of(
            "replicas under deploy",
            VALID + "    deploy: {replicas: 2}\n",
            List.of(
                "services.worker.deploy.replicas (docker-compose.yml:8:14): not supported by dray;"
                    + " under deploy dray reads resources.reservations.devices (GPU requests)"
                    + " only")),
        Arguments.of(
            "resource limits",
            VALID + "    deploy:\n      resources:\n        limits: {memory: 2g}\n",
            List.of(
                "services.worker.deploy.resources.limits (docker-compose.yml:10:9): not supported by"
                    + " dray; under deploy.resources dray reads reservations.devices (GPU requests)"
                    + " only")),
        Arguments.of(
            "device reservation that is no GPU",
            VALID + "    deploy: {resources: {reservations: {devices: [{capabilities: [tpu]}]}}}\n",
            List.of(
                "services.worker.deploy.resources.reservations.devices[0].capabilities"
                    + " (docker-compose.yml:8:66): dray reads GPU requests only: capabilities must"
                    + " include gpu")),
        Arguments.of(
            "GPU request by device id, from another driver, of zero GPUs",
            VALID
                + "    deploy:\n      resources:\n        reservations:\n          devices:\n"
                + "            - capabilities: [gpu]\n              driver: amd\n"
                + "              count: 0\n              device_ids: ['0', '3']\n",
            List.of(
                "services.worker.deploy.resources.reservations.devices[0].driver"
                    + " (docker-compose.yml:13:23): dray requests GPUs from the nvidia driver, got"
                    + " 'amd'",
                "services.worker.deploy.resources.reservations.devices[0].count"
                    + " (docker-compose.yml:14:22): expected all or a positive number of GPUs, got"
                    + " 0",
                "services.worker.deploy.resources.reservations.devices[0].device_ids"
                    + " (docker-compose.yml:15:15): device_ids are not supported; request GPUs by"
                    + " count")),
        Arguments.of(
            "GPUs requested twice",
            VALID
                + "    gpus: all\n"
                + "    deploy: {resources: {reservations: {devices: [{capabilities: [gpu]}]}}}\n",
            List.of(
                "services.worker.gpus (docker-compose.yml:8:5): GPUs are requested twice, here and"
                    + " under deploy; keep one")),
        Arguments.of(
            "two ports",
            VALID.replace("[\"8000:8000\"]", "[\"8000:8000\", \"9090:9090\"]"),
            List.of(
                "services.backend.ports[1] (docker-compose.yml:4:26): dray routes one port per"
                    + " service through its proxy; keep only the port traffic goes to")),
        Arguments.of(
            "udp port",
            VALID.replace("\"8000:8000\"", "\"5353:53/udp\""),
            List.of(
                "services.backend.ports[0] (docker-compose.yml:4:13): dray's proxy routes tcp only,"
                    + " got protocol 'udp'")),
        Arguments.of(
            "port range",
            VALID.replace("\"8000:8000\"", "\"8000-8001:8000-8001\""),
            List.of(
                "services.backend.ports[0] (docker-compose.yml:4:13): port ranges are not supported:"
                    + " dray routes one port per service, got '8000-8001'")),
        Arguments.of(
            "port with a host IP",
            VALID.replace("\"8000:8000\"", "\"127.0.0.1:8000:8000\""),
            List.of(
                "services.backend.ports[0] (docker-compose.yml:4:13): a host IP is set once for the"
                    + " proxy in dray.yml (proxy.bind); remove it here")),
        Arguments.of(
            "long port syntax with a host IP and a mode",
            VALID.replace("[\"8000:8000\"]", "[{target: 8000, host_ip: 0.0.0.0, mode: host}]"),
            List.of(
                "services.backend.ports[0].mode (docker-compose.yml:4:46): not supported by dray; a"
                    + " port has target, published and protocol")),
        Arguments.of(
            "long port syntax with a host IP",
            VALID.replace("[\"8000:8000\"]", "[{target: 8000, host_ip: 0.0.0.0}]"),
            List.of(
                "services.backend.ports[0].host_ip (docker-compose.yml:4:37): a host IP is set once"
                    + " for the proxy in dray.yml (proxy.bind); remove it here")),
        Arguments.of(
            "port out of range",
            VALID.replace("\"8000:8000\"", "\"8000:80000\""),
            List.of(
                "services.backend.ports[0] (docker-compose.yml:4:13): expected a port from 1 to"
                    + " 65535, got '80000'")),
        Arguments.of(
            "published port used twice",
            VALID + "    ports: [\"8000:9000\"]\n",
            List.of(
                "services.worker.ports[0] (docker-compose.yml:8:13): public port 8000 is already"
                    + " used by 'backend' (docker-compose.yml:4:13)")),
        Arguments.of(
            "long volume syntax",
            VALID + "    volumes:\n      - {type: bind, source: ./x, target: /x}\n",
            List.of(
                "services.worker.volumes[0] (docker-compose.yml:9:9): expected a volume in short"
                    + " syntax SOURCE:TARGET[:MODE] such as data:/data (the long syntax is not"
                    + " supported), got a mapping")),
        Arguments.of(
            "healthcheck duration with a space",
            VALID + "    healthcheck: {test: [CMD, true], interval: 2 s}\n",
            List.of(
                "services.worker.healthcheck.interval (docker-compose.yml:8:48): expected a duration"
                    + " like 500ms, 2s or 1m30s, got '2 s'")),
        Arguments.of(
            "healthcheck key dray cannot pass on",
            VALID + "    healthcheck: {test: [CMD, true], start_interval: 1s}\n",
            List.of(
                "services.worker.healthcheck.start_interval (docker-compose.yml:8:38): not supported"
                    + " by dray; a healthcheck has test, interval, timeout, retries, start_period and"
                    + " disable")),
        Arguments.of(
            "depends_on an unknown service",
            VALID.replace("[backend]", "[backnd]"),
            List.of(
                "services.worker.depends_on[0] (docker-compose.yml:7:18): unknown service 'backnd';"
                    + " did you mean 'backend'?")),
        Arguments.of(
            "depends_on an unknown service, long syntax",
            VALID.replace("[backend]", "\n      db:\n        condition: service_started"),
            List.of(
                "services.worker.depends_on.db (docker-compose.yml:8:7): unknown service 'db';"
                    + " services are backend, worker")),
        Arguments.of(
            "depends_on cycle",
            VALID.replace("    ports: [\"8000:8000\"]\n", "    depends_on: [worker]\n"),
            List.of(
                "services.worker.depends_on[0] (docker-compose.yml:7:18): depends_on forms a cycle:"
                    + " backend → worker → backend; services must start in some order")),
        Arguments.of(
            "migrate from an image no service has",
            VALID + "  migrate:\n    image: ghcr.io/acme/migrations:1\n",
            List.of(
                "services.migrate.image (docker-compose.yml:9:5): the migrate service runs from the"
                    + " new image of a deployed service, and no service has image"
                    + " ghcr.io/acme/migrations; images are [ghcr.io/acme/tts]")),
        Arguments.of(
            "migrate with keys dray does not use for it",
            VALID
                + "  migrate:\n    image: ghcr.io/acme/tts\n    volumes: [data:/data]\n"
                + "    ports: [\"80\"]\n",
            List.of(
                "services.migrate.volumes (docker-compose.yml:10:5): not used for the migrate"
                    + " service: dray runs it once, before traffic moves, with the new image and the"
                    + " environment of the service it shares its image with; it reads image,"
                    + " command, environment and env_file",
                "services.migrate.ports (docker-compose.yml:11:5): not used for the migrate service:"
                    + " dray runs it once, before traffic moves, with the new image and the"
                    + " environment of the service it shares its image with; it reads image,"
                    + " command, environment and env_file")),
        Arguments.of(
            "migrate with its own environment",
            VALID + "  migrate:\n    image: ghcr.io/acme/tts\n    environment: [MODE=migrate]\n",
            List.of(
                "services.migrate.environment (docker-compose.yml:10:5): the migrate service runs"
                    + " with the environment of 'backend', and this sets variables 'backend' does"
                    + " not have (or with other values); move them to 'backend' or remove them"
                    + " here")),
        Arguments.of(
            "environment entry without a name",
            VALID + "    environment: [\"=value\"]\n",
            List.of(
                "services.worker.environment[0] (docker-compose.yml:8:19): expected NAME=VALUE, or"
                    + " NAME alone to take the value from dray's environment")),
        Arguments.of(
            "command with an unclosed quote",
            VALID + "    command: sh -c \"echo\n",
            List.of(
                "services.worker.command (docker-compose.yml:8:14): the command has an unclosed"
                    + " double quote; write the command as a list")),
        Arguments.of(
            "service name with a space",
            VALID + "  'tts worker':\n    image: acme/x\n",
            List.of(
                "services.\"tts worker\" (docker-compose.yml:8:3): expected a service name of"
                    + " letters, digits, _ . and -, starting with a letter or digit, got 'tts"
                    + " worker'")),
        Arguments.of(
            "image that is no reference",
            VALID.replace(
                "ghcr.io/acme/tts:${IMAGE_TAG:-latest}\n    ports", "Acme/TTS\n    ports"),
            List.of(
                "services.backend.image (docker-compose.yml:3:12): invalid image reference"
                    + " 'Acme/TTS': path component 'Acme' must be lowercase letters, digits and . _"
                    + " -")),
        Arguments.of(
            "YAML anchors and aliases",
            VALID + "  copy:\n    image: &img acme/x\n  other:\n    image: *img\n",
            List.of(
                "services.other.image (docker-compose.yml:11:12): YAML aliases (*img) are not"
                    + " supported; write the value out")),
        Arguments.of(
            "empty file",
            "# nothing\n",
            List.of("docker-compose.yml: the Compose file is empty; it needs at least services")),
        Arguments.of(
            "services as a list",
            "services: [backend]\n",
            List.of("services (docker-compose.yml:1:11): expected a mapping, got a list")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidComposeFiles")
  void reportsEveryComposeProblemWithFileLineAndColumn(
      String title, String yaml, List<String> expected) {
    assertThat(problems(yaml)).isEqualTo(expected);
  }

  @Test
  void saysWhichEnvFileWasTried() {
    assertThat(problems(VALID + "    env_file: [backend.env]\n"))
        .containsExactly(
            "services.worker.env_file[0] (docker-compose.yml:8:16): file not found: "
                + dir.resolve("backend.env"));
  }

  @Test
  void reportsUnreadableDotEnvLinesInThatFile() throws IOException {
    Files.writeString(dir.resolve(".env"), "IMAGE_TAG=1\nTHIS IS NOT A VARIABLE\n");

    assertThat(problems(VALID)).containsExactly(".env:2:1: expected KEY=VALUE");
  }

  @Test
  void reportsAMissingComposeFile() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ComposeLoader.load(
                    dir.resolve("nope.yml"), Map.of(), APP_IMAGE, ProxyConfig.defaults()));

    assertThat(e.getMessage()).isEqualTo("nope.yml: file not found: " + dir.resolve("nope.yml"));
  }

  @Test
  void reportsComposeProblemsFromDrayYmlInTheComposeFile() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\n");
    Files.writeString(
        dir.resolve("docker-compose.yml"),
        VALID + "  migrate:\n    image: ghcr.io/acme/tts\n    entrypoint: x\n");
    Files.writeString(
        dir.resolve("dray.yml"),
        "service: tts\nimage: ghcr.io/acme/tts\ncompose: docker-compose.yml\n"
            + "migrate: {command: [x]}\n");

    ConfigException e =
        assertThrows(
            ConfigException.class, () -> ConfigLoader.load(dir.resolve("dray.yml"), Map.of()));

    assertThat(e.problems().stream().map(ConfigProblem::toString))
        .containsExactly(
            "services.migrate.entrypoint (docker-compose.yml:10:5): not supported by dray; a"
                + " service may have image, command, environment, env_file, volumes, ports,"
                + " healthcheck, depends_on, deploy (GPU reservations), gpus, devices, profiles"
                + " and stop_grace_period, and dray ignores build, restart, container_name,"
                + " networks, expose and x-* keys");
    Files.writeString(
        dir.resolve("docker-compose.yml"), VALID + "  migrate:\n    image: ghcr.io/acme/tts\n");
    assertThat(
            assertThrows(
                    ConfigException.class,
                    () -> ConfigLoader.load(dir.resolve("dray.yml"), Map.of()))
                .getMessage())
        .isEqualTo(
            "migrate (dray.yml:4:1): migrate is set here and as the Compose service 'migrate'; keep"
                + " one of them");
  }

  @Test
  void usesDrayYmlsImageForServicesWithoutOne() throws IOException {
    ComposeFile file = load("services:\n  api:\n    build: .\n    command: [serve]\n");

    assertThat(file.services().get(0).image()).isEqualTo(APP_IMAGE);
    assertThat(file.defaultTags()).isEmpty();
  }
}
