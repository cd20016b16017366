package dev.dray.server;

import dev.dray.build.BuildReport;
import dev.dray.build.BuildReport.Outcome;
import dev.dray.build.BuildReport.StageReport;
import dev.dray.build.BuildReport.StepReport;
import dev.dray.store.DeployRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Build and deploy records for server tests. */
final class Records {
  static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  private Records() {}

  static String digest(char c) {
    return "sha256:" + String.valueOf(c).repeat(64);
  }

  /**
   * A build of {@code service} with {@code cached} of 4 steps from cache, pushing an image with
   * {@code digest}.
   */
  static BuildReport build(
      String id,
      String service,
      Instant startedAt,
      Duration took,
      Outcome outcome,
      int cached,
      String digest,
      long size) {
    List<StepReport> steps =
        List.of(
            new StepReport(
                "[app 1/4] FROM base", cached > 0, Duration.ofMillis(5), Optional.empty()),
            new StepReport(
                "[app 2/4] COPY . /app", cached > 1, Duration.ofMillis(5), Optional.empty()),
            new StepReport(
                "[app 3/4] RUN make", cached > 2, Duration.ofMillis(5), Optional.empty()),
            new StepReport(
                "[app 4/4] RUN test", cached > 3, Duration.ofMillis(5), Optional.empty()));
    boolean ok = outcome == Outcome.SUCCEEDED;
    return new BuildReport(
        id,
        service,
        "127.0.0.1:5000/it-server-core/" + service,
        startedAt,
        took,
        outcome,
        ok ? Optional.empty() : Optional.of("RUN make failed"),
        "refs/heads/main",
        "0123456789abcdef0123456789abcdef01234567",
        List.of(new StageReport("app", true, false, took, steps)),
        ok ? List.of("127.0.0.1:5000/it-server-core/" + service + ":main") : List.of(),
        ok ? Optional.of(digest('9')) : Optional.empty(),
        ok ? Optional.of(digest) : Optional.empty(),
        ok ? size : 0,
        ok ? 5 : 0);
  }

  /** A finished rollout of {@code app} whose web service runs the image with {@code digest}. */
  static DeployRecord deploy(
      String id,
      String app,
      String kind,
      String version,
      String digest,
      Instant startedAt,
      Duration took,
      String outcome) {
    return new DeployRecord(
        id,
        app,
        kind,
        version,
        Map.of("web", "127.0.0.1:5000/it-server-core/" + app + "@" + digest),
        "alice@build-1",
        startedAt,
        Optional.of(startedAt.plus(took)),
        outcome,
        outcome.equals(DeployRecord.SUCCEEDED) ? Optional.empty() : Optional.of("health web"),
        outcome.equals(DeployRecord.SUCCEEDED) ? Optional.empty() : Optional.of("unhealthy"));
  }
}
