package dev.dray.deploy;

import dev.dray.DrayException;
import dev.dray.engine.ContainerDetails;
import dev.dray.engine.DockerEngine;
import java.util.List;
import java.util.Optional;

/** Reads a failing container's state and log tail for a report. */
final class Failures {
  private Failures() {}

  static ContainerFailure of(DockerEngine engine, String container, int logLines) {
    Optional<ContainerDetails> d;
    List<String> logs;
    try {
      d = engine.inspectContainer(container);
      logs = engine.containerLogs(container, logLines);
    } catch (DrayException e) {
      return new ContainerFailure(
          container, "unknown (" + e.getMessage() + ")", -1, false, "", List.of());
    }
    return d.map(
            c ->
                new ContainerFailure(
                    container,
                    c.status(),
                    c.exitCode(),
                    c.oomKilled(),
                    c.health().orElse(""),
                    logs))
        .orElseGet(() -> new ContainerFailure(container, "gone", -1, false, "", logs));
  }
}
