package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Parses real {@code POST /build?version=2} answers captured from Docker 20.10. */
class BuildOutputTest {
  private static final String FIRST_RUN =
      "[first 2/2] RUN echo hello > /hello.txt && echo built-first";

  private static BuildOutput parse(InputStream in, BuildListener listener) throws IOException {
    BuildOutput output = new BuildOutput(listener);
    JsonMessageStream.forEach(in, output::accept);
    return output;
  }

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void yieldsTheImageIdAndMergedVerticesInFirstSeenOrder() throws IOException {
    RecordingBuildListener listener = new RecordingBuildListener();

    BuildResult result = parse(text(CapturedBuilds.TWO_STAGE), listener).result();

    assertThat(result.imageId())
        .isEqualTo("sha256:552cc2dede8f0fe453783a443f0270e2cf46fd573394b1b913e928589efb875b");
    assertThat(result.vertices())
        .extracting(Vertex::name)
        .containsExactly(
            "[internal] load remote build context",
            "copy /context /",
            "[internal] load metadata for 127.0.0.1:5000/dray/busybox:1",
            "[first 1/2] FROM 127.0.0.1:5000/dray/busybox:1",
            FIRST_RUN,
            "[stage-1 2/3] COPY --from=first /hello.txt /hello.txt",
            "[stage-1 3/3] RUN cat /hello.txt",
            "exporting to image");
    assertThat(result.vertices()).allSatisfy(v -> assertThat(v.isCompleted()).isTrue());
    Vertex copy = result.vertices().get(5);
    assertThat(copy.inputs()).hasSize(2);
    assertThat(copy.cached()).isFalse();
  }

  @Test
  void tellsTheListenerAboutEveryUpdateLogAndStatus() throws IOException {
    RecordingBuildListener listener = new RecordingBuildListener();

    parse(text(CapturedBuilds.TWO_STAGE), listener).result();

    assertThat(listener.vertices.size()).isGreaterThan(8);
    assertThat(listener.logs)
        .containsExactly(
            "sha256:80d6caa5c567cd63eb145df4d54f7773291c371a3caca48458057600e451a865 1"
                + " built-first\n",
            "sha256:626a0d7150ee6083be518f659207bcc166632e9b574d69affc5647c4cd02ee76 1 hello\n");
    assertThat(listener.statuses)
        .extracting(VertexStatus::id)
        .contains("exporting layers", "naming to docker.io/library/it-engine-exp:1");
    assertThat(listener.classic).containsExactly("Successfully tagged it-engine-exp:1\n");
  }

  @Test
  void aFailingRunNamesTheStepAndItsLastOutput() throws IOException {
    BuildOutput output = parse(text(CapturedBuilds.FAILING_RUN), BuildListener.NONE);

    BuildFailedException e = catchThrowableOfType(BuildFailedException.class, output::result);

    assertThat(e.vertexName())
        .contains("[2/2] RUN echo before-fail && for i in 1 2 3; do echo line$i; done && exit 3");
    assertThat(e.logTail()).containsExactly("before-fail", "line1", "line2", "line3");
    assertThat(e.engineMessage()).endsWith("exit code: 3");
    assertThat(e.getMessage())
        .startsWith("build failed at step [2/2] RUN echo before-fail")
        .contains("\n  | line3");
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("[2/2] RUN"));
  }

  @Test
  void anErrorWithoutTraceStillFails() throws IOException {
    BuildOutput output =
        parse(
            text(
                "{\"errorDetail\":{\"message\":\"failed to solve: dockerfile parse error line 3\"},"
                    + "\"error\":\"failed to solve: dockerfile parse error line 3\"}\n"),
            BuildListener.NONE);

    BuildFailedException e = catchThrowableOfType(BuildFailedException.class, output::result);

    assertThat(e.vertexName()).isEmpty();
    assertThat(e.logTail()).isEmpty();
    assertThat(e.engineMessage()).isEqualTo("failed to solve: dockerfile parse error line 3");
  }

  @Test
  void acceptsTheClassicBuildersOutput() throws IOException {
    RecordingBuildListener listener = new RecordingBuildListener();
    String classic =
        "{\"stream\":\"Step 1/2 : FROM busybox\\n\"}\r\n"
            + "{\"stream\":\" ---\\u003e 1839dd839f35\\n\"}\n"
            + "{\"aux\":{\"ID\":\"sha256:1839dd839f3583500e4582308ec30a9ae3184967f7bec7c285f55283f49b0317\"}}"
            + "{\"stream\":\"Successfully built 1839dd839f35\\n\"}\n";

    BuildResult result = parse(text(classic), listener).result();

    assertThat(result.imageId()).startsWith("sha256:1839dd");
    assertThat(result.vertices()).isEmpty();
    assertThat(listener.classic).hasSize(3).first().isEqualTo("Step 1/2 : FROM busybox\n");
  }

  @Test
  void aStreamEndingWithoutImageIdIsAnEngineError() throws IOException {
    BuildOutput output = parse(text("{\"stream\":\"nothing\"}\n"), BuildListener.NONE);

    assertThatThrownBy(output::result)
        .isInstanceOf(EngineApiException.class)
        .hasMessageContaining("without reporting an image ID");
  }
}
