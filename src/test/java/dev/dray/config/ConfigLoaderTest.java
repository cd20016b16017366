package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dray.image.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
  /** A valid config; tests replace lines of it. Line numbers matter to the expected messages. */
  private static final String VALID =
      """
      service: app
      image: 127.0.0.1:5000/acme/app
      build:
        context: .
        dockerfile: Dockerfile
        target: runtime
        cache: registry
      """;

  @TempDir Path dir;

  @BeforeEach
  void createDockerfile() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM busybox AS runtime\n");
  }

  private DrayConfig load(String yaml) throws IOException {
    Path file = dir.resolve("dray.yml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file);
  }

  private List<String> problems(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void loadsTheCommentedExampleFile() throws IOException {
    ExampleFiles.copyTo(dir);

    DrayConfig config = ConfigLoader.load(dir.resolve("dray.yml"));

    assertThat(config.file()).isEqualTo(dir.resolve("dray.yml").toAbsolutePath().normalize());
    assertThat(config.service()).isEqualTo("listening-trainer");
    assertThat(config.image()).isEqualTo(ImageRef.parse("127.0.0.1:5000/acme/listening-trainer"));
    BuildConfig build = config.build();
    assertThat(build.context()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(build.dockerfile()).isEqualTo(dir.resolve("Dockerfile").toAbsolutePath());
    assertThat(build.target()).contains("runtime");
    assertThat(build.args()).containsExactly(Map.entry("PYTHON_VERSION", "3.11"));
    assertThat(build.platforms()).containsExactly("linux/amd64");
    assertThat(build.cache()).isEqualTo(CacheMode.REGISTRY);
    assertThat(build.maxSizeBytes()).isEqualTo(OptionalLong.of(2_000_000_000L));
    assertThat(build.maxLayers()).isEqualTo(OptionalInt.of(60));
    assertThat(build.pull()).containsExactly("127.0.0.1:5001/acme/private-base:1");
    assertThat(config.tagRules())
        .containsExactly(
            "type=raw,value=latest,enable={{is_default_branch}}",
            "type=ref,event=branch",
            "type=semver,pattern={{version}}",
            "type=sha");
    assertThat(config.flavor()).containsExactly("latest=auto");
    assertThat(config.labels())
        .containsExactly(
            Map.entry("org.opencontainers.image.licenses", "MIT"),
            Map.entry("org.opencontainers.image.vendor", "Acme"));
    assertThat(config.registry()).isEqualTo(new RegistryConfig(List.of("registry.lan:5000"), 5));
    assertThat(config.deploy().services()).hasSize(3);
  }

  @Test
  void fillsDefaultsForAMinimalConfig() throws IOException {
    DrayConfig config = load("service: app\nimage: acme/app\n");

    assertThat(config.image().name()).isEqualTo("acme/app");
    assertThat(config.build())
        .isEqualTo(
            new BuildConfig(
                dir.toAbsolutePath().normalize(),
                dir.resolve("Dockerfile").toAbsolutePath().normalize(),
                Optional.empty(),
                Map.of(),
                List.of(),
                CacheMode.REGISTRY,
                OptionalLong.empty(),
                OptionalInt.empty(),
                List.of()));
    assertThat(config.tagRules()).isEmpty();
    assertThat(config.flavor()).isEmpty();
    assertThat(config.labels()).isEmpty();
    assertThat(config.registry()).isEqualTo(RegistryConfig.defaults());
    assertThat(config.registry().retries()).isEqualTo(3);
  }

  @Test
  void keepsScalarsAsWrittenInArgsAndLabels() throws IOException {
    DrayConfig config =
        load(
            """
            service: app
            image: acme/app
            build:
              args: {PYTHON_VERSION: 3.10, DEBUG: yes, COUNT: 010, RATE: 1e3, NAME: plain}
            labels:
              version: 2.0
            """);

    assertThat(config.build().args())
        .containsExactly(
            Map.entry("PYTHON_VERSION", "3.10"),
            Map.entry("DEBUG", "yes"),
            Map.entry("COUNT", "010"),
            Map.entry("RATE", "1e3"),
            Map.entry("NAME", "plain"));
    assertThat(config.labels()).containsExactly(Map.entry("version", "2.0"));
  }

  @Test
  void readsRulesFromABlockStringOnePerLine() throws IOException {
    DrayConfig config =
        load(
            """
            service: app
            image: acme/app
            tags: |
              type=raw,value=latest,enable={{is_default_branch}}

                type=sha,prefix={{branch}}-
            flavor: [latest=false, suffix=-gpu]
            """);

    assertThat(config.tagRules())
        .containsExactly(
            "type=raw,value=latest,enable={{is_default_branch}}", "type=sha,prefix={{branch}}-");
    assertThat(config.flavor()).containsExactly("latest=false", "suffix=-gpu");
  }

  @Test
  void resolvesPathsAgainstTheConfigFilesDirectory() throws IOException {
    Path service = Files.createDirectories(dir.resolve("services/api"));
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.writeString(shared.resolve("api.Dockerfile"), "FROM busybox\n");
    Path file = service.resolve("dray.yml");
    Files.writeString(
        file,
        "service: api\nimage: acme/api\nbuild:\n  context: ../../shared\n"
            + "  dockerfile: api.Dockerfile\n  cache: none\n  max_size: 1536\n");

    DrayConfig config = ConfigLoader.load(file);

    assertThat(config.build().context()).isEqualTo(shared.toAbsolutePath().normalize());
    assertThat(config.build().dockerfile())
        .isEqualTo(shared.resolve("api.Dockerfile").toAbsolutePath().normalize());
    assertThat(config.build().cache()).isEqualTo(CacheMode.NONE);
    assertThat(config.build().maxSizeBytes()).isEqualTo(OptionalLong.of(1536));
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        Arguments.of(
            "misspelt key",
            VALID.replace("  cache: registry", "  cahce: registry"),
            List.of("build.cahce (dray.yml:7:3): unknown key; did you mean 'cache'?")),
        Arguments.of(
            "value outside an enum",
            VALID.replace("cache: registry", "cache: remote"),
            List.of(
                "build.cache (dray.yml:7:10): expected one of registry, inline, none, got 'remote'")),
        Arguments.of(
            "missing required key",
            VALID.replace("service: app\n", "# no service\n"),
            List.of("service (dray.yml:1:1): required key missing")),
        Arguments.of(
            "unknown key with nothing close",
            VALID + "clusters: [web1]\n",
            List.of(
                "clusters (dray.yml:8:1): unknown key; expected one of service, image, build, tags,"
                    + " flavor, labels, registry, servers, proxy, services, compose, migrate,"
                    + " backups, hooks, retention, notify, auto_deploy")),
        Arguments.of(
            "mapping expected",
            "service: app\nimage: acme/app\nbuild: [a]\n",
            List.of("build (dray.yml:3:8): expected a mapping, got a list")),
        Arguments.of(
            "service name with capitals",
            VALID.replace("service: app", "service: Listening_Trainer"),
            List.of(
                "service (dray.yml:1:10): expected a name of lowercase letters, digits and '-',"
                    + " starting with a letter or digit, got 'Listening_Trainer'")),
        Arguments.of(
            "non-string tag rule",
            VALID + "tags: [type=sha, 5]\n",
            List.of("tags[1] (dray.yml:8:18): expected a string, got 5")),
        Arguments.of(
            "tag rules as a mapping",
            VALID + "tags:\n  type: sha\n",
            List.of(
                "tags (dray.yml:9:3): expected a list of rules or a block string with one rule per"
                    + " line, got a mapping")),
        Arguments.of(
            "build arg that is a list",
            VALID + "  args: {A: [1]}\n",
            List.of(
                "build.args.A (dray.yml:8:13): expected a string, number or boolean, got a list")),
        Arguments.of(
            "label key with dots",
            VALID + "labels:\n  org.opencontainers.image.title: [x]\n",
            List.of(
                "labels.\"org.opencontainers.image.title\" (dray.yml:9:35): expected a string,"
                    + " number or boolean, got a list")),
        Arguments.of(
            "layer limit below one",
            VALID + "  max_layers: 0\n",
            List.of("build.max_layers (dray.yml:8:15): expected at least 1, got 0")),
        Arguments.of(
            "layer limit not a number",
            VALID + "  max_layers: sixty\n",
            List.of("build.max_layers (dray.yml:8:15): expected an integer, got 'sixty'")),
        Arguments.of(
            "too many retries",
            VALID + "registry:\n  retries: 50\n",
            List.of("registry.retries (dray.yml:9:12): expected at most 20, got 50")),
        Arguments.of(
            "platform without architecture",
            VALID + "  platforms: [linux/amd64, linux]\n",
            List.of(
                "build.platforms[1] (dray.yml:8:28): expected a platform like linux/amd64 or"
                    + " linux/arm64/v8, got 'linux'")),
        Arguments.of(
            "insecure registry given as URL",
            VALID + "registry:\n  insecure: ['http://registry.lan']\n",
            List.of(
                "registry.insecure[0] (dray.yml:9:14): expected a registry host such as"
                    + " registry.local or 127.0.0.1:5000, got 'http://registry.lan'")),
        Arguments.of(
            "empty cache value",
            VALID.replace("cache: registry", "cache:"),
            List.of(
                "build.cache (dray.yml:7:9): expected one of registry, inline, none, got nothing")),
        Arguments.of(
            "several problems at once, in file order",
            "image: acme/app:1\nbuild:\n  contxt: .\n  cache: fast\n",
            List.of(
                "service (dray.yml:1:1): required key missing",
                "build.contxt (dray.yml:3:3): unknown key; did you mean 'context'?",
                "build.cache (dray.yml:4:10): expected one of registry, inline, none, got 'fast'")),
        Arguments.of(
            "image with a tag",
            VALID.replace("acme/app", "acme/app:1.0"),
            List.of(
                "image (dray.yml:2:8): expected a repository without a tag, got tag '1.0'; tags"
                    + " come from the tags rules")),
        Arguments.of(
            "image with a digest",
            VALID.replace("acme/app", "acme/app@sha256:" + "a".repeat(64)),
            List.of(
                "image (dray.yml:2:8): expected a repository without a digest, got"
                    + " '127.0.0.1:5000/acme/app@sha256:"
                    + "a".repeat(64)
                    + "'")),
        Arguments.of(
            "image that is no reference",
            VALID.replace("127.0.0.1:5000/acme/app", "Acme/App"),
            List.of(
                "image (dray.yml:2:8): invalid image reference 'Acme/App': path component 'Acme'"
                    + " must be lowercase letters, digits and . _ -")),
        Arguments.of(
            "size without a known unit",
            VALID + "  max_size: 2 TB\n",
            List.of(
                "build.max_size (dray.yml:8:13): expected a size like 2GB or 500MiB (units B, KB,"
                    + " MB, GB, KiB, MiB, GiB), got '2 TB'")),
        Arguments.of(
            "size of zero bytes",
            VALID + "  max_size: 0\n",
            List.of(
                "build.max_size (dray.yml:8:13): expected a size like 2GB or 500MiB (units B, KB,"
                    + " MB, GB, KiB, MiB, GiB), got 0")),
        Arguments.of(
            "pull image that is no reference",
            VALID + "  pull: [ok/image:1, 'bad image']\n",
            List.of(
                "build.pull[1] (dray.yml:8:22): invalid image reference 'library/bad image': path"
                    + " component 'bad image' must be lowercase letters, digits and . _ -")),
        Arguments.of(
            "YAML syntax error",
            "service: app\n  image: acme/app\n",
            List.of("dray.yml:2:8: invalid YAML: mapping values are not allowed here")),
        Arguments.of(
            "unclosed flow sequence",
            "service: app\ntags: [a, b\n",
            List.of(
                "dray.yml:3:1: invalid YAML: expected ',' or ']', but got <stream end> (while"
                    + " parsing a flow sequence at 2:7)")),
        Arguments.of(
            "tab indentation",
            "service: app\nbuild:\n\tcache: none\n",
            List.of(
                "dray.yml:3:1: invalid YAML: found character '\\t(TAB)' that cannot start any"
                    + " token. (Do not use \\t(TAB) for indentation)")),
        Arguments.of(
            "empty file",
            "",
            List.of("dray.yml: the file is empty; it needs at least the keys service and image")),
        Arguments.of(
            "comments only",
            "# nothing yet\n",
            List.of("dray.yml: the file is empty; it needs at least the keys service and image")),
        Arguments.of(
            "a list instead of a mapping",
            "- service: app\n",
            List.of("dray.yml:1:1: expected a mapping, got a list")),
        Arguments.of(
            "duplicate key",
            VALID + "service: other\n",
            List.of("service (dray.yml:8:1): duplicate key; it is already set at line 1:1")),
        Arguments.of(
            "YAML alias",
            VALID + "labels: {a: &v x, b: *v}\n",
            List.of(
                "labels.b (dray.yml:8:22): YAML aliases (*v) are not supported; write the value out")),
        Arguments.of(
            "second document",
            VALID + "---\nservice: other\n",
            List.of(
                "dray.yml:9:1: a second YAML document is not supported; keep the whole config in"
                    + " one document")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidConfigs")
  void reportsEveryProblemWithPathLineAndColumn(String title, String yaml, List<String> expected) {
    assertThat(problems(yaml)).isEqualTo(expected);
  }

  @Test
  void saysWhichContextDirectoryWasTried() {
    assertThat(problems(VALID.replace("context: .", "context: app")))
        .containsExactly(
            "build.context (dray.yml:4:12): directory not found: "
                + dir.toAbsolutePath().resolve("app"));
    assertThat(problems(VALID.replace("context: .", "context: Dockerfile")))
        .containsExactly(
            "build.context (dray.yml:4:12): not a directory: "
                + dir.toAbsolutePath().resolve("Dockerfile"));
  }

  @Test
  void saysWhichDockerfileWasTried() throws IOException {
    assertThat(problems(VALID.replace("dockerfile: Dockerfile", "dockerfile: Dockerfile.prod")))
        .containsExactly(
            "build.dockerfile (dray.yml:5:15): file not found: "
                + dir.toAbsolutePath().resolve("Dockerfile.prod"));
  }

  @Test
  void aFileWithoutABuildSectionLoadsWithoutADockerfileSoItCanOnlyDeploy() throws IOException {
    Files.delete(dir.resolve("Dockerfile"));

    assertThat(load("service: app\nimage: acme/app\n").build().dockerfile())
        .isEqualTo(dir.toAbsolutePath().resolve("Dockerfile"));
  }

  @Test
  void listsAllProblemsInTheMessageWithAHint() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> load("service: App\nimage: acme/app\nbuild: {cache: x}\n"));

    assertThat(e.getMessage())
        .isEqualTo(
            "service (dray.yml:1:10): expected a name of lowercase letters, digits and '-',"
                + " starting with a letter or digit, got 'App'\n"
                + "build.cache (dray.yml:3:16): expected one of registry, inline, none, got 'x'");
    assertThat(e.hint()).contains("every key and its format is described in docs/configuration.md");
    assertThat(e.file()).isEqualTo(dir.resolve("dray.yml").toAbsolutePath().normalize());
    assertThat(e.problems().get(1))
        .isEqualTo(
            new ConfigProblem(
                "build.cache",
                dir.resolve("dray.yml").toAbsolutePath().normalize(),
                3,
                16,
                "expected one of registry, inline, none, got 'x'"));
  }

  @Test
  void reportsAMissingFile() {
    Path missing = dir.resolve("nope.yml");

    assertThatThrownBy(() -> ConfigLoader.load(missing))
        .isInstanceOf(ConfigNotFoundException.class)
        .hasMessage("config file not found: " + missing.toAbsolutePath());
  }

  @Test
  void reportsADirectoryGivenAsTheFile() {
    assertThatThrownBy(() -> ConfigLoader.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(dir.getFileName() + ": cannot read: is a directory, not a YAML file");
  }

  @Test
  void locatesDrayYmlThenDrayYaml() throws IOException {
    Files.writeString(dir.resolve("dray.yaml"), VALID);
    assertThat(ConfigLoader.locate(dir, Optional.empty())).isEqualTo(dir.resolve("dray.yaml"));

    Files.writeString(dir.resolve("dray.yml"), VALID);
    assertThatThrownBy(() -> ConfigLoader.locate(dir, Optional.empty()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("dray.yaml: both dray.yml and dray.yaml exist in " + dir + "; keep one");

    Files.delete(dir.resolve("dray.yaml"));
    assertThat(ConfigLoader.locate(dir, Optional.empty())).isEqualTo(dir.resolve("dray.yml"));
  }

  @Test
  void locatesAnExplicitFileOrDirectory() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("deploy"));
    Files.writeString(sub.resolve("prod.yml"), VALID);
    Files.writeString(sub.resolve("dray.yml"), VALID);

    assertThat(ConfigLoader.locate(dir, Optional.of(Path.of("deploy/prod.yml"))))
        .isEqualTo(sub.resolve("prod.yml"));
    assertThat(ConfigLoader.locate(dir, Optional.of(sub.resolve("prod.yml"))))
        .isEqualTo(sub.resolve("prod.yml"));
    assertThat(ConfigLoader.locate(dir, Optional.of(Path.of("deploy"))))
        .isEqualTo(sub.resolve("dray.yml"));
    assertThatThrownBy(() -> ConfigLoader.locate(dir, Optional.of(Path.of("deploy/staging.yml"))))
        .isInstanceOf(ConfigNotFoundException.class)
        .hasMessage("config file not found: " + sub.resolve("staging.yml"));
  }

  @Test
  void listsEveryPathTriedWhenNoConfigExists() {
    ConfigNotFoundException e =
        assertThrows(
            ConfigNotFoundException.class, () -> ConfigLoader.locate(dir, Optional.empty()));

    assertThat(e.getMessage())
        .isEqualTo(
            "no dray.yml or dray.yaml in "
                + dir
                + " (tried "
                + dir.resolve("dray.yml")
                + ", "
                + dir.resolve("dray.yaml")
                + ")");
    assertThat(e.tried()).containsExactly(dir.resolve("dray.yml"), dir.resolve("dray.yaml"));
    assertThat(e.hint())
        .hasValueSatisfying(h -> assertThat(h).contains("create dray.yml in " + dir));
  }
}
