package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceAccumulatorTest {
  private static final Instant T1 = Instant.parse("2026-11-22T05:00:01Z");
  private static final Instant T2 = Instant.parse("2026-11-22T05:00:02Z");
  private static final Instant T3 = Instant.parse("2026-11-22T05:00:03Z");

  private static Vertex vertex(
      String digest,
      String name,
      boolean cached,
      Instant started,
      Instant completed,
      String error) {
    return new Vertex(
        digest,
        name.isEmpty() ? List.of() : List.of("sha256:input"),
        name,
        cached,
        Optional.ofNullable(started),
        Optional.ofNullable(completed),
        Optional.ofNullable(error));
  }

  @Test
  void mergesUpdatesOfOneVertexKeepingTheLatestFields() {
    TraceAccumulator trace = new TraceAccumulator();
    trace.merge(vertex("sha256:run", "[2/2] RUN make", false, null, null, null));
    trace.merge(vertex("sha256:run", "", false, T1, null, null));
    Vertex merged = trace.merge(vertex("sha256:run", "", false, null, T2, "exit code: 2"));

    assertThat(merged.name()).isEqualTo("[2/2] RUN make");
    assertThat(merged.inputs()).containsExactly("sha256:input");
    assertThat(merged.started()).contains(T1);
    assertThat(merged.completed()).contains(T2);
    assertThat(merged.error()).contains("exit code: 2");
    assertThat(trace.vertices()).containsExactly(merged);
  }

  @Test
  void keepsVerticesInTheOrderTheyFirstAppeared() {
    TraceAccumulator trace = new TraceAccumulator();
    trace.merge(vertex("sha256:b", "second", false, null, null, null));
    trace.merge(vertex("sha256:a", "first", false, null, null, null));
    trace.merge(vertex("sha256:b", "second", false, T1, T2, null));

    assertThat(trace.vertices()).extracting(Vertex::digest).containsExactly("sha256:b", "sha256:a");
  }

  @Test
  void aVertexOnceReportedCachedStaysCached() {
    TraceAccumulator trace = new TraceAccumulator();
    trace.merge(vertex("sha256:x", "RUN x", true, T1, T1, null));

    assertThat(trace.merge(vertex("sha256:x", "RUN x", false, null, null, null)).cached()).isTrue();
  }

  @Test
  void aVertexStartedAgainAfterCompletingIsRunning() {
    TraceAccumulator trace = new TraceAccumulator();
    trace.merge(vertex("sha256:x", "load metadata", false, T1, T2, null));

    Vertex restarted = trace.merge(vertex("sha256:x", "load metadata", false, T3, null, null));

    assertThat(restarted.started()).contains(T3);
    assertThat(restarted.completed()).isEmpty();
    assertThat(restarted.duration()).isEmpty();
  }
}
