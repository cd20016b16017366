package dev.dray.store;

import dev.dray.build.BuildReport;
import dev.dray.build.BuildReport.Outcome;
import dev.dray.build.BuildReport.StageReport;
import dev.dray.build.BuildReport.StepReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Build reports for store tests. */
final class BuildReports {
  static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123Z");

  private BuildReports() {}

  /** A successful two-stage build with every field filled in. */
  static BuildReport full(String id, String service, Instant startedAt) {
    return new BuildReport(
        id,
        service,
        "127.0.0.1:5000/it-store/" + service,
        startedAt,
        Duration.ofMillis(93_457),
        Outcome.SUCCEEDED,
        Optional.empty(),
        "refs/heads/main",
        "0123456789abcdef0123456789abcdef01234567",
        List.of(
            new StageReport(
                "deps",
                false,
                false,
                Duration.ofMillis(1_204),
                List.of(
                    new StepReport(
                        "[deps 1/2] FROM base", true, Duration.ofMillis(3), Optional.empty()),
                    new StepReport(
                        "[deps 2/2] RUN pip install -r requirements.txt",
                        true,
                        Duration.ZERO,
                        Optional.empty()))),
            new StageReport(
                "app",
                true,
                true,
                Duration.ofMillis(92_001),
                List.of(
                    new StepReport(
                        "[app 1/2] COPY . /app", false, Duration.ofMillis(250), Optional.empty()),
                    new StepReport(
                        "[app 2/2] RUN make \"quoted\" 'x' ünïcode",
                        false,
                        Duration.ofMillis(91_751),
                        Optional.of("exit code 0 after retry"))))),
        List.of(
            "127.0.0.1:5000/it-store/" + service + ":main",
            "127.0.0.1:5000/it-store/" + service + ":main-0123456"),
        Optional.of("sha256:" + "a".repeat(64)),
        Optional.of("sha256:" + "b".repeat(64)),
        123_456_789_012L,
        17);
  }

  /** A failed build with no stages, tags or image: every optional empty. */
  static BuildReport failedWithoutStages(String id, String service, Instant startedAt) {
    return new BuildReport(
        id,
        service,
        "127.0.0.1:5000/it-store/" + service,
        startedAt,
        Duration.ofMillis(5),
        Outcome.FAILED,
        Optional.of("Dockerfile not found"),
        "refs/tags/v1.2.3",
        "fedcba9876543210fedcba9876543210fedcba98",
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        0L,
        0);
  }
}
