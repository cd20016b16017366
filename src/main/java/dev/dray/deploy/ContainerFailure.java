package dev.dray.deploy;

import java.util.List;

/** The state of a container that did not become healthy, as the report shows it. */
public record ContainerFailure(
    String container,
    String status,
    int exitCode,
    boolean oomKilled,
    String health,
    List<String> lastLogLines) {
  public ContainerFailure {
    lastLogLines = List.copyOf(lastLogLines);
  }

  /** A few lines for a person: state, exit code, OOM, then the log tail. */
  public String describe() {
    StringBuilder sb =
        new StringBuilder(container)
            .append(": ")
            .append(status)
            .append(", exit code ")
            .append(exitCode)
            .append(oomKilled ? ", OOMKilled" : "")
            .append(health.isEmpty() ? "" : ", health " + health);
    if (!lastLogLines.isEmpty()) {
      sb.append("\nlast log lines:");
      lastLogLines.forEach(l -> sb.append("\n  | ").append(l));
    }
    return sb.toString();
  }
}
