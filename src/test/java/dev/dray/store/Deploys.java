package dev.dray.store;

import java.time.Instant;
import java.util.Map;

/** Deploy records for store tests. */
final class Deploys {
  static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123Z");

  private Deploys() {}

  /** A deploy of {@code app} that has just started, with two services. */
  static DeployRecord started(String id, String app, String kind, Instant startedAt) {
    return DeployRecord.started(
        id,
        app,
        kind,
        "1.4.2",
        Map.of(
            "web",
            "127.0.0.1:5000/it-store/" + app + "@sha256:" + "a".repeat(64),
            "worker",
            "127.0.0.1:5000/it-store/" + app + "-worker@sha256:" + "b".repeat(64)),
        "alice@build-1",
        startedAt);
  }

  static DeployRecord started(String id, String app, Instant startedAt) {
    return started(id, app, DeployRecord.DEPLOY, startedAt);
  }
}
