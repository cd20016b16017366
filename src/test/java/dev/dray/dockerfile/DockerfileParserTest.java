package dev.dray.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dray.image.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DockerfileParserTest {
  private static final String FIVE_STAGES =
      """
      # syntax=docker/dockerfile:1
      ARG PYTHON_VERSION=3.11
      ARG NODE_IMAGE=node:20-slim

      FROM python:${PYTHON_VERSION}-slim AS base
      WORKDIR /app
      RUN apt-get update \\
       && apt-get install -y --no-install-recommends curl \\
       && rm -rf /var/lib/apt/lists/*

      FROM base AS python-deps
      COPY requirements.txt .
      RUN --mount=type=cache,target=/root/.cache/pip \\
          pip install -r requirements.txt

      FROM ${NODE_IMAGE} AS node-deps
      WORKDIR /web
      COPY package.json package-lock.json ./
      RUN --mount=type=cache,target=/root/.npm npm ci

      FROM base AS builder
      COPY --from=python-deps /usr/local /usr/local
      COPY --from=node-deps /web/node_modules ./web/node_modules
      COPY . .
      RUN python -m build

      FROM base AS runtime
      COPY --from=builder /app/dist /app/dist
      CMD ["python", "-m", "app"]
      """;

  private static Dockerfile parse(String content) {
    return DockerfileParser.parse(content, "Dockerfile");
  }

  private static List<String> ids(List<Stage> stages) {
    return stages.stream().map(Stage::id).toList();
  }

  @Test
  void readsFiveStageDockerfileWithItsDependencies() {
    Dockerfile dockerfile = parse(FIVE_STAGES);

    assertThat(dockerfile.directives().syntax()).contains("docker/dockerfile:1");
    assertThat(dockerfile.globalArgs())
        .containsExactly(
            new ArgDeclaration("PYTHON_VERSION", Optional.of("3.11"), 2),
            new ArgDeclaration("NODE_IMAGE", Optional.of("node:20-slim"), 3));
    assertThat(ids(dockerfile.stages()))
        .containsExactly("base", "python-deps", "node-deps", "builder", "runtime");
    assertThat(dockerfile.stages())
        .extracting(Stage::line, Stage::base, Stage::dependsOn)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(5, "python:${PYTHON_VERSION}-slim", List.of()),
            org.assertj.core.groups.Tuple.tuple(11, "base", List.of("base")),
            org.assertj.core.groups.Tuple.tuple(16, "${NODE_IMAGE}", List.of()),
            org.assertj.core.groups.Tuple.tuple(
                21, "base", List.of("base", "python-deps", "node-deps")),
            org.assertj.core.groups.Tuple.tuple(27, "base", List.of("base", "builder")));
    assertThat(dockerfile.finalStage().id()).isEqualTo("runtime");
  }

  @Test
  void ordersTheStagesATargetNeedsWithTheTargetLast() {
    Dockerfile dockerfile = parse(FIVE_STAGES);

    assertThat(ids(dockerfile.stagesFor("runtime")))
        .containsExactly("base", "python-deps", "node-deps", "builder", "runtime");
    assertThat(ids(dockerfile.stagesFor(null)))
        .containsExactly("base", "python-deps", "node-deps", "builder", "runtime");
    assertThat(ids(dockerfile.stagesFor("python-deps"))).containsExactly("base", "python-deps");
    assertThat(ids(dockerfile.stagesFor("NODE-DEPS"))).containsExactly("node-deps");
    assertThat(ids(dockerfile.stagesFor("3")))
        .containsExactly("base", "python-deps", "node-deps", "builder");
  }

  @Test
  void ordersAStageCopiedFromLaterInTheFileBeforeTheStageThatNeedsIt() {
    Dockerfile dockerfile =
        parse(
            """
            FROM busybox AS a
            COPY --from=c /x /x
            FROM busybox AS b
            FROM busybox AS c
            """);

    assertThat(dockerfile.stage("a").orElseThrow().dependsOn()).containsExactly("c");
    assertThat(ids(dockerfile.stagesFor("a"))).containsExactly("c", "a");
  }

  @Test
  void listsExternalBaseImagesOfTheStagesATargetNeeds() {
    Dockerfile dockerfile = parse(FIVE_STAGES);

    assertThat(dockerfile.externalBaseImages("runtime", Map.of()))
        .containsExactly(ImageRef.parse("python:3.11-slim"), ImageRef.parse("node:20-slim"));
    assertThat(dockerfile.externalBaseImages("python-deps", Map.of("PYTHON_VERSION", "3.12")))
        .containsExactly(ImageRef.parse("python:3.12-slim"));
  }

  @Test
  void rejectsAnUnknownTargetListingTheStages() {
    Dockerfile dockerfile = parse("FROM busybox AS base\nFROM base\n");

    assertThatThrownBy(() -> dockerfile.stagesFor("runtme"))
        .isInstanceOf(UnknownTargetException.class)
        .hasMessage(
            "Dockerfile: no stage named 'runtme' to build as target; the stages are base, stage-1")
        .satisfies(
            e -> {
              UnknownTargetException unknown = (UnknownTargetException) e;
              assertThat(unknown.available()).containsExactly("base", "stage-1");
              assertThat(unknown.hint())
                  .contains("set build.target in dray.yml (or --target) to one of: base, stage-1");
            });
    assertThatThrownBy(() -> dockerfile.externalBaseImages("nope", Map.of()))
        .isInstanceOf(UnknownTargetException.class);
  }

  static Stream<Arguments> invalidDockerfiles() {
    return Stream.of(
        Arguments.of(
            "unknown instruction",
            "FROM busybox\nRUNN echo hi\n",
            "Dockerfile:2: unknown instruction 'RUNN'",
            "did you mean 'RUN'?"),
        Arguments.of(
            "FROM without image",
            "ARG X\n\nFROM\n",
            "Dockerfile:3: FROM needs an image or stage to start from",
            "FROM <image> [AS <name>]"),
        Arguments.of(
            "FROM with only a platform",
            "FROM --platform=linux/amd64\n",
            "Dockerfile:1: FROM needs an image or stage to start from",
            "FROM <image>"),
        Arguments.of(
            "FROM with stray words",
            "FROM busybox builder\n",
            "Dockerfile:1: FROM takes an image and optionally AS <name>, got 'busybox builder'",
            "FROM <image>"),
        Arguments.of(
            "FROM with unknown flag",
            "FROM --pull=always busybox\n",
            "Dockerfile:1: FROM does not take the flag '--pull=always'",
            "--platform"),
        Arguments.of(
            "instruction before FROM",
            "ARG A=1\n# comment\n\nLABEL a=b\nFROM busybox\n",
            "Dockerfile:4: LABEL comes before the first FROM; only ARG may",
            "move it below a FROM line"),
        Arguments.of(
            "no FROM at all",
            "# just a comment\n",
            "Dockerfile: no FROM instruction: the Dockerfile defines no stage",
            "FROM <image>"),
        Arguments.of(
            "duplicate stage name in another case",
            "FROM busybox AS deps\nRUN true\nFROM busybox AS Deps\n",
            "Dockerfile:3: duplicate stage name 'deps', first used at line 1",
            "its own name"),
        Arguments.of(
            "invalid stage name",
            "FROM busybox AS 1st\n",
            "Dockerfile:1: invalid stage name '1st'",
            "starts with a letter"),
        Arguments.of(
            "cycle through COPY --from and FROM",
            "FROM busybox AS a\nCOPY --from=b /x /x\nFROM a AS b\n",
            "Dockerfile:3: stage dependency cycle: a -> b -> a",
            "remove one of these references"),
        Arguments.of(
            "stage copying from itself",
            "FROM busybox AS a\nRUN true\nCOPY --from=a /x /y\n",
            "Dockerfile:3: stage dependency cycle: a -> a",
            "cannot need itself"),
        Arguments.of(
            "cycle through a cache mount",
            "FROM busybox AS a\nRUN --mount=type=cache,target=/c,from=c true\n"
                + "FROM busybox AS b\nCOPY --from=a / /\nFROM b AS c\n",
            "Dockerfile:4: stage dependency cycle: a -> c -> b -> a",
            "RUN --mount=from="),
        Arguments.of(
            "unterminated heredoc",
            "FROM busybox\nRUN <<EOF\necho hi\nEOF \n",
            "Dockerfile:2: unterminated heredoc <<EOF: no line 'EOF' before the end of the file",
            "a line containing only 'EOF'"),
        Arguments.of(
            "COPY --from an index past the last stage",
            "FROM busybox\nCOPY --from=3 /a /b\n",
            "Dockerfile:2: COPY --from=3: there is no stage 3 (stages are numbered 0 to 0)",
            "0-based position"),
        Arguments.of(
            "invalid escape directive",
            "# escape=x\nFROM busybox\n",
            "Dockerfile:1: invalid escape character 'x'",
            "# escape=`"),
        Arguments.of(
            "escape directive given twice",
            "# escape=`\n# escape=\\\nFROM busybox\n",
            "Dockerfile:2: parser directive 'escape' is given twice",
            "keep one"),
        Arguments.of(
            "ARG without a name",
            "ARG\nFROM busybox\n",
            "Dockerfile:1: ARG needs a name",
            "ARG NAME"),
        Arguments.of(
            "bad substitution in FROM",
            "FROM python:${V\n",
            "Dockerfile:1: cannot expand 'python:${V': missing '}' in 'python:${V'",
            "${NAME:-default}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDockerfiles")
  void rejectsInvalidDockerfileNamingTheLine(
      String title, String content, String message, String hintPart) {
    assertThatThrownBy(() -> parse(content))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(message)
        .satisfies(
            e ->
                assertThat(((DockerfileException) e).hint())
                    .hasValueSatisfying(hint -> assertThat(hint).contains(hintPart)));
  }

  @Test
  void exposesFileLineAndReasonOfAnError() {
    DockerfileException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            DockerfileException.class,
            () -> DockerfileParser.parse("FROM a\nFOO x\n", "app.Dockerfile"));

    assertThat(e.file()).isEqualTo("app.Dockerfile");
    assertThat(e.line()).hasValue(2);
    assertThat(e.reason()).isEqualTo("unknown instruction 'FOO'");
    assertThat(e.getMessage()).isEqualTo("app.Dockerfile:2: unknown instruction 'FOO'");
  }

  @Test
  void joinsContinuationLinesSkippingCommentsAndEmptyLines() {
    Dockerfile dockerfile =
        parse("FROM busybox\nRUN echo a \\\n# a comment\n\n   && echo b\nRUN echo c\n");

    assertThat(dockerfile.finalStage().instructions())
        .extracting(Instruction::keyword, Instruction::arguments, Instruction::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("RUN", "echo a    && echo b", 2),
            org.assertj.core.groups.Tuple.tuple("RUN", "echo c", 6));
  }

  @Test
  void honoursTheEscapeDirectiveForContinuations() {
    Dockerfile dockerfile =
        parse("# escape=`\nFROM busybox\nRUN echo a `\n  b\nRUN dir c:\\\nRUN echo c\n");

    assertThat(dockerfile.directives().escape()).isEqualTo('`');
    assertThat(dockerfile.finalStage().instructions())
        .extracting(Instruction::arguments)
        .containsExactly("echo a   b", "dir c:\\", "echo c");
  }

  @Test
  void stopsLookingForDirectivesAfterTheFirstOtherLine() {
    Dockerfile dockerfile = parse("# a comment\n# escape=`\nFROM busybox\nRUN a \\\n b\n");

    assertThat(dockerfile.directives()).isEqualTo(ParserDirectives.DEFAULT);
    assertThat(dockerfile.finalStage().instructions().get(0).arguments()).isEqualTo("a  b");
  }

  @Test
  void readsHeredocsWithoutTreatingTheirLinesAsInstructions() {
    Dockerfile dockerfile =
        parse(
            """
            FROM busybox
            RUN <<EOF
            echo one
            FROM not-an-instruction
            EOF
            COPY <<-"CFG" /etc/app.conf
            \tkey=value
            \tCFG
            RUN cat <<A > /a && cat <<'B' > /b
            first
            A
            second $HOME
            B
            run echo after
            """);

    List<Instruction> instructions = dockerfile.finalStage().instructions();
    assertThat(instructions)
        .extracting(Instruction::keyword, Instruction::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("RUN", 2),
            org.assertj.core.groups.Tuple.tuple("COPY", 6),
            org.assertj.core.groups.Tuple.tuple("RUN", 9),
            org.assertj.core.groups.Tuple.tuple("RUN", 14));
    assertThat(instructions.get(0).heredocs())
        .containsExactly(new Heredoc("EOF", "echo one\nFROM not-an-instruction\n", true, 3));
    assertThat(instructions.get(1).heredocs())
        .containsExactly(new Heredoc("CFG", "key=value\n", false, 7));
    assertThat(instructions.get(2).heredocs())
        .containsExactly(
            new Heredoc("A", "first\n", true, 10), new Heredoc("B", "second $HOME\n", false, 12));
    assertThat(dockerfile.stages()).hasSize(1);
  }

  @Test
  void ignoresHeredocMarkersInExecFormAndInQuotes() {
    Dockerfile dockerfile =
        parse("FROM busybox\nRUN [\"echo\", \"<<EOF\"]\nRUN echo \"<<EOF\"\nRUN echo done\n");

    assertThat(dockerfile.finalStage().instructions())
        .allSatisfy(i -> assertThat(i.heredocs()).isEmpty())
        .hasSize(3);
  }

  @Test
  void readsExecAndShellForms() {
    Dockerfile dockerfile =
        parse(
            """
            FROM busybox
            CMD ["python", "-m", "app"]
            ENTRYPOINT python -m app
            RUN ["unterminated"
            RUN --mount=type=cache,target=/c ["sh", "-c", "true"]
            """);

    assertThat(dockerfile.finalStage().instructions())
        .extracting(Instruction::execForm)
        .containsExactly(
            Optional.of(List.of("python", "-m", "app")),
            Optional.empty(),
            Optional.empty(),
            Optional.of(List.of("sh", "-c", "true")));
  }

  @Test
  void acceptsInstructionsInAnyCaseAndLowerCasesStageNames() {
    Dockerfile dockerfile =
        parse("from busybox as Builder\nrun echo hi\nFrom BUILDER\ncopy --FROM=Builder /a /b\n");

    assertThat(ids(dockerfile.stages())).containsExactly("builder", "stage-1");
    assertThat(dockerfile.stage("1").orElseThrow().dependsOn()).containsExactly("builder");
    assertThat(dockerfile.stage("builder").orElseThrow().instructions())
        .extracting(Instruction::keyword)
        .containsExactly("RUN");
  }

  @Test
  void readsPlatformAndGlobalArgs() {
    Dockerfile dockerfile =
        parse("ARG A=1 B=\"x y\"\nARG C\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build\n");

    assertThat(dockerfile.globalArgs())
        .containsExactly(
            new ArgDeclaration("A", Optional.of("1"), 1),
            new ArgDeclaration("B", Optional.of("x y"), 1),
            new ArgDeclaration("C", Optional.empty(), 2));
    assertThat(dockerfile.finalStage().platform()).contains("$BUILDPLATFORM");
    assertThat(dockerfile.finalStage().base()).isEqualTo("golang:1.22");
  }

  static Stream<Arguments> dependencies() {
    return Stream.of(
        Arguments.of(
            "COPY --from by index",
            "FROM busybox\nFROM busybox\nCOPY --from=0 /a /b\n",
            "stage-1",
            List.of("stage-0")),
        Arguments.of(
            "cache and bind mounts from stages",
            "FROM busybox AS cache\nFROM busybox AS other\nFROM busybox\n"
                + "RUN --mount=type=cache,target=/c,from=cache"
                + " --mount=type=bind,from=1,source=/x,target=/y true\n",
            "stage-2",
            List.of("cache", "other")),
        Arguments.of(
            "mounts without from",
            "FROM busybox AS a\nFROM busybox\nRUN --mount=type=secret,id=npm true\n",
            "stage-1",
            List.of()),
        Arguments.of(
            "ONBUILD is not a dependency",
            "FROM busybox AS a\nFROM busybox\nONBUILD COPY --from=a /x /x\n",
            "stage-1",
            List.of()),
        Arguments.of(
            "COPY --from an image",
            "FROM busybox\nCOPY --from=nginx:1.25 /etc/nginx /etc/nginx\n",
            "stage-0",
            List.of()),
        Arguments.of(
            "FROM a later stage name is an image, as in BuildKit",
            "FROM later AS first\nFROM busybox AS later\n",
            "first",
            List.of()),
        Arguments.of(
            "COPY --from through a global ARG",
            "ARG SRC=builder\nFROM busybox AS builder\nFROM busybox\nCOPY --from=${SRC} /a /b\n",
            "stage-1",
            List.of("builder")),
        Arguments.of(
            "FROM a stage through a global ARG",
            "ARG BASE=deps\nFROM busybox AS deps\nFROM $BASE AS app\n",
            "app",
            List.of("deps")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dependencies")
  void findsTheStagesAStageNeeds(
      String title, String content, String stage, List<String> dependsOn) {
    assertThat(parse(content).stage(stage).orElseThrow().dependsOn()).isEqualTo(dependsOn);
  }

  static Stream<Arguments> baseImages() {
    return Stream.of(
        Arguments.of(
            "default of a global ARG",
            "ARG V=3.11\nFROM python:${V}-slim\n",
            Map.of(),
            List.of("python:3.11-slim")),
        Arguments.of(
            "build arg overrides the default",
            "ARG V=3.11\nFROM python:${V}-slim\n",
            Map.of("V", "3.12"),
            List.of("python:3.12-slim")),
        Arguments.of(
            "default in the substitution",
            "ARG V\nFROM python:${V:-3.10}\n",
            Map.of(),
            List.of("python:3.10")),
        Arguments.of(
            "undeclared build args are not seen by FROM",
            "FROM python:${V:-3.9}\n",
            Map.of("V", "3.12"),
            List.of("python:3.9")),
        Arguments.of(
            "defaults built from earlier args",
            "ARG REG=127.0.0.1:5000\nARG IMG=$REG/dray/busybox:1\nFROM $IMG\n",
            Map.of(),
            List.of("127.0.0.1:5000/dray/busybox:1")),
        Arguments.of(
            "automatic platform args from the build args",
            "FROM ${TARGETARCH}/busybox\n",
            Map.of("TARGETARCH", "amd64"),
            List.of("amd64/busybox")),
        Arguments.of(
            "scratch and stages are not images",
            "FROM scratch AS files\nFROM busybox AS tools\nFROM tools\nCOPY --from=files / /\n",
            Map.of(),
            List.of("busybox")),
        Arguments.of(
            "COPY --from and mounts from images",
            "FROM busybox\nCOPY --from=nginx:1.25 /a /b\n"
                + "RUN --mount=type=bind,from=127.0.0.1:5000/tools:2,target=/t true\n"
                + "COPY --from=busybox /c /d\n",
            Map.of(),
            List.of("busybox", "nginx:1.25", "127.0.0.1:5000/tools:2")),
        Arguments.of(
            "stages the target does not need are left out",
            "FROM alpine AS unused\nFROM busybox AS app\n",
            Map.of(),
            List.of("busybox")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("baseImages")
  void listsExternalImagesAfterArgSubstitution(
      String title, String content, Map<String, String> buildArgs, List<String> expected) {
    assertThat(parse(content).externalBaseImages(null, buildArgs))
        .isEqualTo(expected.stream().map(ImageRef::parse).toList());
  }

  @Test
  void rejectsABaseImageThatExpandsToNothing() {
    Dockerfile dockerfile = parse("ARG BASE\nFROM ${BASE}\n");

    assertThatThrownBy(() -> dockerfile.externalBaseImages(null, Map.of()))
        .isInstanceOf(DockerfileException.class)
        .hasMessage("Dockerfile:2: FROM ${BASE} names no image once variables are expanded");
    assertThat(dockerfile.externalBaseImages(null, Map.of("BASE", "busybox:1")))
        .containsExactly(ImageRef.parse("busybox:1"));
  }

  @Test
  void rejectsABaseImageThatIsNotAReference() {
    Dockerfile dockerfile = parse("ARG BASE=Not/Valid\nFROM ${BASE}\n");

    assertThatThrownBy(() -> dockerfile.externalBaseImages(null, Map.of()))
        .isInstanceOf(DockerfileException.class)
        .hasMessageStartingWith(
            "Dockerfile:2: FROM ${BASE}: 'Not/Valid' (written '${BASE}') is not a stage or a valid image");
  }

  @Test
  void findsStagesByNameIdOrIndex() {
    Dockerfile dockerfile = parse("FROM busybox AS base\nFROM base\n");

    assertThat(dockerfile.stage("BASE").map(Stage::index)).contains(0);
    assertThat(dockerfile.stage("stage-1").map(Stage::index)).contains(1);
    assertThat(dockerfile.stage("1").map(Stage::index)).contains(1);
    assertThat(dockerfile.stage("2")).isEmpty();
    assertThat(dockerfile.stage("99999999999")).isEmpty();
    assertThat(dockerfile.stage("runtime")).isEmpty();
  }

  @Test
  void parsesAFileNamingErrorsByItsFileName(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("build.Dockerfile");
    Files.writeString(file, "FROM busybox AS a\nFROM a\nCOPY --from=a /x /y\n");

    assertThat(ids(DockerfileParser.parse(file).stagesFor(null))).containsExactly("a", "stage-1");
    Files.writeString(file, "FROM busybox\nADDD x y\n");
    assertThatThrownBy(() -> DockerfileParser.parse(file))
        .hasMessage("build.Dockerfile:2: unknown instruction 'ADDD'");
    assertThatThrownBy(() -> DockerfileParser.parse(dir.resolve("missing")))
        .isInstanceOf(DockerfileException.class)
        .hasMessage("missing: file not found: " + dir.resolve("missing").toAbsolutePath());
  }
}
