package dev.dray.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dray.engine.EngineUnreachableException;
import dev.dray.engine.HttpDockerEngine;
import dev.dray.engine.ImageDetails;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code dray} command line end to end, in-process, against the real dockerd and the local
 * registries (127.0.0.1:5000 open, 127.0.0.1:5001 with basic auth): what a user runs, what they
 * read, and what ends up in the registry.
 */
class DrayCliIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static HttpDockerEngine engine;

  @TempDir Path tmp;
  private final List<CliProject> projects = new ArrayList<>();

  @BeforeAll
  static void servicesAreUp() {
    try {
      engine = HttpDockerEngine.connect();
    } catch (EngineUnreachableException e) {
      throw new AssertionError(
          "dockerd is not reachable: run scripts/test-env.sh up\n" + e.getMessage(), e);
    }
    LocalRegistry.open().requireUp();
    LocalRegistry.withAuth().requireUp();
    String base = CliProject.BASE.substring(0, CliProject.BASE.lastIndexOf(':'));
    if (LocalRegistry.open().digest(base, "1").isEmpty()) {
      throw new AssertionError(
          "the base image " + CliProject.BASE + " is missing: run scripts/test-env.sh up");
    }
  }

  @AfterAll
  static void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  /**
   * Removes every local image of the tests' repositories (tagged or left with only a digest); the
   * random repositories stay in the registries.
   */
  @AfterEach
  void removeLocalImages() {
    for (CliProject p : projects) {
      List<String> ids = DockerCli.run("images", "-q", "--no-trunc", p.image);
      if (!ids.isEmpty()) {
        List<String> rmi = new ArrayList<>(List.of("rmi", "-f"));
        ids.stream().distinct().forEach(rmi::add);
        DockerCli.run(rmi.toArray(String[]::new));
      }
    }
  }

  private CliProject project(String registry) throws IOException {
    CliProject p = CliProject.create(tmp, registry);
    projects.add(p);
    return p;
  }

  // --- 1. build --push --------------------------------------------------------------------

  @Test
  void buildPushPushesTheTagsDrayTagsPrintsTheStageCachesAndALabelledImage() throws IOException {
    CliProject p = project(LocalRegistry.OPEN);
    LocalRegistry registry = LocalRegistry.open();
    String sha = p.head();

    CliRun build = p.dray(p.env(), "build", "--push");

    assertThat(build.code()).as(build.transcript()).isZero();
    CliRun tags =
        CliRun.of(
            p.env(),
            "tags",
            "--event",
            "push",
            "--ref",
            "refs/heads/main",
            "--sha",
            sha,
            "--default-branch",
            "main",
            "--image",
            p.image);
    assertThat(tags.code()).as(tags.transcript()).isZero();
    List<String> expectedTags =
        tags.outLines().stream().map(ref -> ref.substring(p.image.length() + 1)).toList();
    assertThat(expectedTags).contains("latest", "main-" + sha.substring(0, 7));
    List<String> pushed = registry.tags(p.image);
    assertThat(pushed.stream().filter(t -> !t.startsWith("cache-")).toList())
        .as("release tags in the registry")
        .containsExactlyInAnyOrderElementsOf(expectedTags);
    assertThat(pushed).contains("cache-deps", "cache-builder", "cache-runtime");

    ImageDetails image = engine.inspectImage(p.image + ":latest").orElseThrow();
    assertThat(image.labels())
        .containsEntry("org.opencontainers.image.revision", sha)
        .containsEntry("dray.service", CliProject.SERVICE);

    String digest = registry.digest(p.image, "latest").orElseThrow();
    assertThat(build.outLines()).as(build.transcript()).contains("  digest  " + digest);
    assertThat(build.err()).as(build.transcript()).isEmpty();
  }

  @Test
  void tagsPrintsWhatBuildWouldPushForTheSameEnvironmentAndConfig() throws IOException {
    CliProject p = project(LocalRegistry.OPEN);
    p.writeConfig("tags:\n  - type=raw,value=it-{{branch}}\n  - type=sha,format=long\n");
    String sha = p.commit("custom tag rules");
    Map<String, String> ci =
        p.env(
            "GITHUB_ACTIONS", "true",
            "GITHUB_EVENT_NAME", "push",
            "GITHUB_REF", "refs/heads/release",
            "GITHUB_SHA", sha,
            "GITHUB_REPOSITORY", "acme/it-cli");

    CliRun plan = p.dray(ci, "build", "--plan", "--push");
    CliRun tags = CliRun.of(ci, "tags", "--config", p.config.toString());

    assertThat(plan.code()).as(plan.transcript()).isZero();
    List<String> planned =
        plan.outLines().stream()
            .filter(l -> l.matches("\\d+\\. push " + Pattern.quote(p.image) + ":.*"))
            .filter(l -> !l.contains(":cache-"))
            .map(l -> l.substring(l.indexOf("push ") + "push ".length()))
            .toList();
    assertThat(planned).containsExactly(p.image + ":it-release", p.image + ":sha-" + sha);
    assertThat(tags.code()).as(tags.transcript()).isZero();
    assertThat(tags.outLines()).as(tags.transcript()).containsExactlyElementsOf(planned);
  }

  // --- 2. stage cache after a code-only change --------------------------------------------

  @Test
  void codeOnlyChangeRebuildsBuilderButKeepsTheDepsCache() throws IOException {
    CliProject p = project(LocalRegistry.OPEN);
    LocalRegistry registry = LocalRegistry.open();
    CliRun first = p.dray(p.env(), "build", "--push");
    assertThat(first.code()).as(first.transcript()).isZero();
    String depsCache = registry.digest(p.image, "cache-deps").orElseThrow();
    String builderCache = registry.digest(p.image, "cache-builder").orElseThrow();

    p.write("src/app.txt", "app version 2\n");
    CliRun second = p.dray(p.env(), "build", "--push", "--json");

    assertThat(second.code()).as(second.transcript()).isZero();
    JsonNode report = JSON.readTree(second.out());
    assertThat(report.path("outcome").asText()).isEqualTo("SUCCEEDED");
    JsonNode deps = stage(report, "deps");
    JsonNode builder = stage(report, "builder");
    assertThat(deps.path("ranSteps").asBoolean(true)).as("deps ranSteps").isFalse();
    assertThat(deps.path("cachePushed").asBoolean(true)).as("deps cachePushed").isFalse();
    assertThat(builder.path("ranSteps").asBoolean(false)).as("builder ranSteps").isTrue();
    assertThat(builder.path("cachePushed").asBoolean(false)).as("builder cachePushed").isTrue();
    assertThat(registry.digest(p.image, "cache-deps")).as("cache-deps digest").hasValue(depsCache);
    assertThat(registry.digest(p.image, "cache-builder"))
        .as("cache-builder digest")
        .isPresent()
        .isNotEqualTo(Optional.of(builderCache));
    assertThat(second.err())
        .contains("[deps] cache image kept (unchanged): " + p.image + ":cache-deps");
  }

  private static JsonNode stage(JsonNode report, String name) {
    return StreamSupport.stream(report.path("stages").spliterator(), false)
        .filter(s -> name.equals(s.path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no stage " + name + " in " + report));
  }

  // --- 3. build history -------------------------------------------------------------------

  @Test
  void buildsListsBothBuildsNewestFirstAndShowsOneAsJson() throws IOException {
    CliProject p = project(LocalRegistry.OPEN);
    CliRun first = p.dray(p.env(), "build", "--json");
    assertThat(first.code()).as(first.transcript()).isZero();
    p.write("src/app.txt", "app version 2\n");
    String sha = p.commit("second");
    CliRun second = p.dray(p.env(), "build", "--json");
    assertThat(second.code()).as(second.transcript()).isZero();
    String firstId = JSON.readTree(first.out()).path("id").asText();
    String secondId = JSON.readTree(second.out()).path("id").asText();

    CliRun list = p.dray(p.env(), "builds");

    assertThat(list.code()).as(list.transcript()).isZero();
    List<String> rows = list.outLines();
    assertThat(rows).as(list.transcript()).hasSize(3);
    assertThat(rows.get(0)).startsWith("ID");
    assertThat(rows.get(1)).startsWith(secondId.substring(0, 8)).contains(CliProject.SERVICE);
    assertThat(rows.get(2)).startsWith(firstId.substring(0, 8)).contains("succeeded");

    CliRun one = p.dray(p.env(), "builds", secondId.substring(0, 6), "--json");

    assertThat(one.code()).as(one.transcript()).isZero();
    JsonNode report = JSON.readTree(one.out());
    assertThat(report.path("id").asText()).isEqualTo(secondId);
    assertThat(report.path("gitSha").asText()).isEqualTo(sha);
    assertThat(report.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(report.path("stages"))
        .extracting(s -> s.path("name").asText())
        .containsExactlyElementsOf(CliProject.STAGES);
  }

  // --- 4. plan only -----------------------------------------------------------------------

  @Test
  void planPrintsNumberedStepsAndBuildsNothing() throws IOException {
    CliProject p = project(LocalRegistry.OPEN);

    CliRun plan = p.dray(p.env(), "build", "--plan", "--push");

    assertThat(plan.code()).as(plan.transcript()).isZero();
    List<String> lines = plan.outLines();
    assertThat(lines).isNotEmpty();
    IntStream.range(0, lines.size())
        .forEach(i -> assertThat(lines.get(i)).startsWith((i + 1) + ". "));
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).contains("build stage deps"))
        .anySatisfy(l -> assertThat(l).contains("build stage builder"))
        .anySatisfy(l -> assertThat(l).contains("build stage runtime (target)"))
        .anySatisfy(l -> assertThat(l).contains("push " + p.image + ":latest"));
    assertThat(engine.inspectImage(p.image + ":cache-deps")).isEmpty();
    assertThat(engine.inspectImage(p.image + ":latest")).isEmpty();
    assertThat(LocalRegistry.open().tags(p.image)).isEmpty();
  }

  // --- 5. errors --------------------------------------------------------------------------

  @Test
  void daemonDownNamesTheEndpointTried() throws IOException {
    CliProject p = project(LocalRegistry.OPEN);
    String socket = "unix:///tmp/nonexistent-" + p.token + ".sock";

    CliRun build = p.dray(p.env("DOCKER_HOST", socket), "build", "--push");

    assertUserError(build, LocalRegistry.open(), p.image);
    assertThat(build.err()).contains(socket);
  }

  @Test
  void pushToAuthRegistryListsCredentialSourcesAndSucceedsWithEnvCredentials() throws IOException {
    CliProject p = project(LocalRegistry.AUTH);
    LocalRegistry registry = LocalRegistry.withAuth();

    CliRun refused = p.dray(p.env(), "build", "--push");

    assertUserError(refused, registry, p.image);
    assertThat(refused.err())
        .contains("DRAY_REGISTRY_USERNAME")
        .contains(p.dockerConfig.resolve("config.json").toString());

    CliRun pushed =
        p.dray(
            p.env(
                "DRAY_REGISTRY_USERNAME", LocalRegistry.USER,
                "DRAY_REGISTRY_PASSWORD", LocalRegistry.PASSWORD),
            "build",
            "--push");

    assertThat(pushed.code()).as(pushed.transcript()).isZero();
    assertThat(registry.tags(p.image)).contains("latest", "cache-deps", "cache-runtime");
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (LocalRegistry.USER + ":" + LocalRegistry.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
    for (CliRun run : List.of(refused, pushed)) {
      assertThat(run.out() + run.err())
          .doesNotContain(LocalRegistry.PASSWORD)
          .doesNotContain(basic);
    }
  }

  @Test
  void copyOfMissingFileNamesThePath() throws IOException {
    CliProject p = project(LocalRegistry.OPEN);
    p.writeDockerfile(CliProject.dockerfile(p.token, "COPY src/missing.txt /src/"));

    CliRun build = p.dray(p.env(), "build", "--push");

    assertUserError(build, LocalRegistry.open(), p.image);
    assertThat(errorLines(build))
        .as(build.transcript())
        .anySatisfy(l -> assertThat(l).contains("src/missing.txt"))
        .as("the error names the step that failed, not a cache import")
        .anySatisfy(l -> assertThat(l).contains("COPY src/missing.txt /src/"));
    assertThat(build.err()).doesNotContain("importing cache manifest");
  }

  @Test
  void unknownTargetNamesTheStages() throws IOException {
    CliProject p = project(LocalRegistry.OPEN);

    CliRun build = p.dray(p.env(), "build", "--push", "--target", "nosuch");

    assertUserError(build, LocalRegistry.open(), p.image);
    assertThat(build.err()).contains("nosuch").contains("deps, builder, runtime");
  }

  @Test
  void tagRuleProducingAnInvalidTagNamesTheRule() throws IOException {
    CliProject p = project(LocalRegistry.OPEN);
    p.writeConfig("tags:\n  - type=sha\n  - type=raw,value=-bad\n");

    CliRun build = p.dray(p.env(), "build", "--push");

    assertUserError(build, LocalRegistry.open(), p.image);
    assertThat(errorLines(build))
        .anySatisfy(l -> assertThat(l).contains("tag rule 2").contains("type=raw,value=-bad"));
  }

  @Test
  void unknownConfigKeyIsReportedWithLineAndColumn() throws IOException {
    CliProject p = project(LocalRegistry.OPEN);
    p.writeConfig("build:\n  cahce: registry\n");

    CliRun build = p.dray(p.env(), "build", "--push");

    assertUserError(build, LocalRegistry.open(), p.image);
    assertThat(build.err()).contains("dray.yml:4:3").contains("cahce");
  }

  @Test
  void maxSizeGuardFailsBeforeAnythingIsPushed() throws IOException {
    CliProject p = project(LocalRegistry.OPEN);
    p.writeConfig("build:\n  max_size: 1KB\n");

    CliRun build = p.dray(p.env(), "build", "--push");

    assertUserError(build, LocalRegistry.open(), p.image);
    assertThat(build.err()).contains("max_size").contains("nothing was pushed");
  }

  /** Non-zero exit, an error line and a hint, no stack trace, and nothing in the registry. */
  private static void assertUserError(CliRun run, LocalRegistry registry, String image) {
    assertThat(run.code()).as(run.transcript()).isEqualTo(1);
    assertThat(run.errLines())
        .as(run.transcript())
        .anySatisfy(l -> assertThat(l).startsWith("error: "))
        .anySatisfy(l -> assertThat(l).startsWith("hint: "));
    assertThat(run.out() + run.err()).as(run.transcript()).doesNotContain("\tat ");
    assertThat(registry.tags(image)).as("tags pushed to " + image).isEmpty();
  }

  /** The error message: from the {@code error:} line up to the {@code hint:} line. */
  private static List<String> errorLines(CliRun run) {
    List<String> lines = run.errLines();
    int start =
        lines.indexOf(
            lines.stream().filter(l -> l.startsWith("error: ")).findFirst().orElseThrow());
    List<String> message = new ArrayList<>();
    for (int i = start; i < lines.size() && !lines.get(i).startsWith("hint: "); i++) {
      message.add(lines.get(i));
    }
    return message;
  }

  // --- 6. doctor --------------------------------------------------------------------------

  @Test
  void doctorReportsDockerBuildKitAndRegistryOk() throws IOException {
    CliProject p = project(LocalRegistry.OPEN);

    CliRun doctor = p.dray(p.env(), "doctor");

    assertThat(doctor.code()).as(doctor.transcript()).isZero();
    assertThat(doctor.outLines())
        .as(doctor.transcript())
        .anySatisfy(l -> assertThat(l).matches("ok\\s+docker\\s+Docker .*"))
        .anySatisfy(l -> assertThat(l).matches("ok\\s+buildkit\\s+.*"))
        .anySatisfy(l -> assertThat(l).matches("ok\\s+registry\\s+" + p.image + ": .*"))
        .noneSatisfy(l -> assertThat(l).startsWith("FAIL"));
    assertThat(LocalRegistry.open().tags(p.image)).as("doctor pushes no tag").isEmpty();
  }

  @Test
  void doctorFailsDockerWhenDockerHostPointsNowhere() throws IOException {
    CliProject p = project(LocalRegistry.OPEN);
    String socket = "unix:///tmp/nonexistent-" + p.token + ".sock";

    CliRun doctor = p.dray(p.env("DOCKER_HOST", socket), "doctor");

    assertThat(doctor.code()).as(doctor.transcript()).isEqualTo(1);
    assertThat(doctor.outLines())
        .as(doctor.transcript())
        .anySatisfy(l -> assertThat(l).matches("FAIL\\s+docker\\s+.*"));
    assertThat(doctor.out()).contains(socket);
  }

  // --- 7. tags ----------------------------------------------------------------------------

  @Test
  void tagsForAReleaseTagPrintSemverLatestAndShaReferences() {
    CliRun tags =
        CliRun.of(
            Map.of("CI", "true"),
            "tags",
            "--event",
            "push",
            "--ref",
            "refs/tags/v1.2.3",
            "--sha",
            "0123456789abcdef0123456789abcdef01234567",
            "--image",
            "127.0.0.1:5000/x/app");

    assertThat(tags.code()).as(tags.transcript()).isZero();
    assertThat(tags.outLines())
        .containsExactlyInAnyOrder(
            "127.0.0.1:5000/x/app:1.2.3",
            "127.0.0.1:5000/x/app:1.2",
            "127.0.0.1:5000/x/app:1",
            "127.0.0.1:5000/x/app:latest",
            "127.0.0.1:5000/x/app:sha-0123456");
    assertThat(tags.err()).isEmpty();
  }
}
