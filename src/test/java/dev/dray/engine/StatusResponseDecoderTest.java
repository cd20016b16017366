package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusResponseDecoderTest {
  private static final Instant START = Instant.parse("2026-11-22T05:31:08.100Z");
  private static final Instant END = Instant.parse("2026-11-22T05:31:09.350Z");

  @Test
  void decodesAVertexWithEveryField() {
    ProtoWriter vertex =
        new ProtoWriter()
            .string(1, "sha256:bbb")
            .string(2, "sha256:a1")
            .string(2, "sha256:a2")
            .string(3, "[deps 2/4] RUN npm ci")
            .varint(4, 1)
            .timestamp(5, START)
            .timestamp(6, END)
            .string(7, "exit code: 1")
            .varint(8, 7);

    StatusUpdate update =
        StatusResponseDecoder.decode(new ProtoWriter().message(1, vertex).toBytes());

    assertThat(update.vertices())
        .containsExactly(
            new Vertex(
                "sha256:bbb",
                List.of("sha256:a1", "sha256:a2"),
                "[deps 2/4] RUN npm ci",
                true,
                Optional.of(START),
                Optional.of(END),
                Optional.of("exit code: 1")));
    assertThat(update.vertices().get(0).duration()).contains(java.time.Duration.ofMillis(1250));
  }

  @Test
  void decodesStatusesAndLogsAndSkipsWarnings() {
    ProtoWriter status =
        new ProtoWriter()
            .string(1, "exporting layers")
            .string(2, "sha256:exp")
            .string(3, "layer sha256:1")
            .varint(4, 512)
            .varint(5, 2048)
            .timestamp(6, END)
            .timestamp(7, START);
    ProtoWriter log =
        new ProtoWriter()
            .string(1, "sha256:run")
            .timestamp(2, START)
            .varint(3, 2)
            .string(4, "npm WARN deprecated\n");
    ProtoWriter warning = new ProtoWriter().string(1, "sha256:run").varint(2, 1);

    StatusUpdate update =
        StatusResponseDecoder.decode(
            new ProtoWriter().message(2, status).message(3, log).message(4, warning).toBytes());

    assertThat(update.statuses())
        .containsExactly(
            new VertexStatus(
                "exporting layers",
                "sha256:exp",
                "layer sha256:1",
                512,
                2048,
                Optional.of(END),
                Optional.of(START),
                Optional.empty()));
    assertThat(update.logs())
        .containsExactly(
            new VertexLog("sha256:run", Optional.of(START), 2, "npm WARN deprecated\n"));
    assertThat(update.vertices()).isEmpty();
  }

  @Test
  void decodesARealTraceFromDocker20() throws Exception {
    // The fourth line of a real build on Docker 20.10: the context copy vertex, not yet started.
    String aux =
        "CqMBCkdzaGEyNTY6MzYwYzAxNjQ1OTIxOTZjNmNhY2FjNDkyZTFlNzhkMzA0YzAxZjE4NWY2NWNmMDMwYmQy"
            + "MzE1YTRhMzRmNGE0NxJHc2hhMjU2OmE0Y2EwZGFiMjZhMzZkYTY0NzhiOTgyNWQyYzYxOTY2ODA3MjZm"
            + "NzRjYjYwZDJkNTZmOTkyOTI1YmY5YzA5ZmQaD2NvcHkgL2NvbnRleHQgLw==";

    StatusUpdate update = StatusResponseDecoder.decode(java.util.Base64.getDecoder().decode(aux));

    assertThat(update.vertices()).hasSize(1);
    Vertex v = update.vertices().get(0);
    assertThat(v.digest())
        .isEqualTo("sha256:360c0164592196c6cacac492e1e78d304c01f185f65cf030bd2315a4a34f4a47");
    assertThat(v.inputs())
        .containsExactly("sha256:a4ca0dab26a36da6478b9825d2c6196680726f74cb60d2d56f992925bf9c09fd");
    assertThat(v.name()).isEqualTo("copy /context /");
    assertThat(v.started()).isEmpty();
    assertThat(v.cached()).isFalse();
  }
}
