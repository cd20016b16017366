package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dray.image.ImageRef;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpDockerEngineIT {
  private static HttpDockerEngine engine;
  private static final String TOKEN = EngineIt.token();
  private static final String TAG = "it-engine/two-stage:" + TOKEN;

  @TempDir Path tmp;

  @BeforeAll
  static void connect() {
    engine = EngineIt.connect();
  }

  @AfterAll
  static void cleanUp() {
    if (engine != null) {
      engine.removeImage(TAG, true);
      engine.removeImage("it-engine/tagged:" + TOKEN, true);
      engine.close();
    }
  }

  @Test
  void describesTheLocalEngine() {
    EngineInfo info = engine.info();

    assertThat(info.apiVersion()).isGreaterThanOrEqualTo(ApiVersion.MINIMUM);
    assertThat(info.apiVersion()).isEqualTo(engine.apiVersion());
    assertThat(info.buildKit()).isTrue();
    assertThat(info.os()).isEqualTo("linux");
    assertThat(info.runtimes()).contains("runc");
    assertThat(info.hasRuntime("nvidia")).isFalse();
    assertThat(info.driver()).isNotBlank();
    assertThat(info.dockerRootDir()).startsWith("/");
    assertThat(info.serverVersion()).matches("\\d+\\.\\d+.*");
  }

  @Test
  void buildsTwoStagesAndReportsEveryStepThenTheCacheOnRebuild() throws Exception {
    Path context =
        EngineIt.context(
            tmp.resolve("ctx"),
            """
            FROM %s AS first
            RUN echo %s > /token.txt && echo built-%s
            FROM %s
            COPY --from=first /token.txt /token.txt
            RUN cat /token.txt
            """
                .formatted(EngineIt.BASE, TOKEN, TOKEN, EngineIt.BASE));
    BuildRequest request =
        BuildRequest.builder(context).tag(TAG).label("dev.dray.test", TOKEN).build();
    RecordingBuildListener listener = new RecordingBuildListener();

    BuildResult first = engine.build(request, listener);

    String runName = "[first 2/2] RUN echo " + TOKEN + " > /token.txt && echo built-" + TOKEN;
    assertThat(first.vertices())
        .extracting(Vertex::name)
        .contains(
            runName,
            "[stage-1 2/3] COPY --from=first /token.txt /token.txt",
            "[stage-1 3/3] RUN cat /token.txt")
        // both stages start FROM the same image: BuildKit reports that one vertex under the name
        // of either stage, whichever it solved first
        .containsAnyOf("[first 1/2] FROM " + EngineIt.BASE, "[stage-1 1/3] FROM " + EngineIt.BASE);
    Vertex run = vertex(first, runName);
    assertThat(run.cached()).isFalse();
    assertThat(run.duration()).isPresent();
    assertThat(listener.logs).anySatisfy(l -> assertThat(l).endsWith("built-" + TOKEN + "\n"));
    assertThat(listener.logs).anySatisfy(l -> assertThat(l).contains(" 1 " + TOKEN));

    ImageDetails details = engine.inspectImage(TAG).orElseThrow();
    assertThat(details.id()).isEqualTo(first.imageId());
    assertThat(details.repoTags()).contains("it-engine/two-stage:" + TOKEN);
    assertThat(details.labels()).containsEntry("dev.dray.test", TOKEN);
    assertThat(details.layerCount()).isGreaterThanOrEqualTo(2);

    BuildResult second = engine.build(request, BuildListener.NONE);

    assertThat(second.imageId()).isEqualTo(first.imageId());
    assertThat(vertex(second, runName).cached()).isTrue();
    assertThat(vertex(second, "[stage-1 3/3] RUN cat /token.txt").cached()).isTrue();
  }

  @Test
  void aFailingRunRaisesBuildFailedWithItsOutput() throws Exception {
    Path context =
        EngineIt.context(
            tmp.resolve("failing"),
            """
            FROM %s
            RUN echo about-to-fail-%s && exit 7
            """
                .formatted(EngineIt.BASE, TOKEN));

    BuildFailedException e =
        catchThrowableOfType(
            BuildFailedException.class,
            () -> engine.build(BuildRequest.builder(context).build(), BuildListener.NONE));

    assertThat(e.vertexName()).contains("[2/2] RUN echo about-to-fail-" + TOKEN + " && exit 7");
    assertThat(e.logTail()).containsExactly("about-to-fail-" + TOKEN);
    assertThat(e.engineMessage()).contains("exit code: 7");
  }

  @Test
  void aMissingDockerfileIsReportedBeforeSendingAnything() {
    assertThatThrownBy(() -> engine.build(BuildRequest.builder(tmp).build(), BuildListener.NONE))
        .isInstanceOf(BuildContextException.class)
        .hasMessageContaining("no Dockerfile");
  }

  @Test
  void tagsInspectsAndRemovesImages() {
    ImageRef target = ImageRef.parse("it-engine/tagged:" + TOKEN);
    String baseId = engine.inspectImage(EngineIt.BASE).orElseThrow().id();

    engine.tag(EngineIt.BASE, target);

    ImageDetails tagged = engine.inspectImage(target.toString()).orElseThrow();
    assertThat(tagged.id()).isEqualTo(baseId);
    assertThat(tagged.repoTags()).contains(target.toString());
    assertThat(tagged.created()).isPresent();
    assertThat(tagged.size()).isPositive();

    engine.removeImage(target.toString(), false);

    assertThat(engine.inspectImage(target.toString())).isEmpty();
    assertThat(engine.inspectImage(EngineIt.BASE)).isPresent();
    engine.removeImage(target.toString(), false);
  }

  @Test
  void inspectingAnUnknownImageIsEmpty() {
    assertThat(engine.inspectImage("it-engine/never-built:" + TOKEN)).isEqualTo(Optional.empty());
  }

  private static Vertex vertex(BuildResult result, String name) {
    return result.vertices().stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no vertex " + name + " in " + result.vertices()));
  }
}
