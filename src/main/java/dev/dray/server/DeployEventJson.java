package dev.dray.server;

import dev.dray.deploy.DeployEvent;
import dev.dray.deploy.DeployEvent.DeployFinished;
import dev.dray.deploy.DeployEvent.DeployStarted;
import dev.dray.deploy.DeployEvent.HealthProbe;
import dev.dray.deploy.DeployEvent.StepFailed;
import dev.dray.deploy.DeployEvent.StepFinished;
import dev.dray.deploy.DeployEvent.StepStarted;
import dev.dray.deploy.DeployEvent.Switched;
import dev.dray.deploy.DeployEvent.Undone;
import dev.dray.deploy.DeployEvent.Warning;
import dev.dray.deploy.DeployReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link DeployEvent} as the data of an SSE {@code deploy} event: {@code
 * {"deployId","app","type","step","seq","detail","at"}} (unknown values {@code null}), plus {@code
 * kind}/{@code version} when a rollout starts, {@code tookMs} when a step finishes, {@code service}
 * for probes and switches, and {@code outcome} when it ends.
 */
public final class DeployEventJson {
  private DeployEventJson() {}

  static SseMessage message(String app, String deployId, DeployEvent event) {
    return new SseMessage(SseMessage.DEPLOY, json(app, deployId, event));
  }

  /**
   * The data of the {@code deploy} event that streams {@code event}.
   *
   * @param app the app rolled out; null when not known
   * @param deployId the rollout under way, for events that do not carry it; null when not known
   */
  public static String json(String app, String deployId, DeployEvent event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("deployId", deployId);
    json.put("app", app);
    json.put("type", event.getClass().getSimpleName());
    json.put("step", null);
    json.put("seq", null);
    json.put("detail", "");
    json.put("at", event.at().toString());
    switch (event) {
      case DeployStarted e -> {
        json.put("detail", e.kind() + " " + e.version() + ": " + e.steps().size() + " steps");
        json.put("kind", e.kind());
        json.put("version", e.version());
      }
      case StepStarted e -> step(json, e.seq(), e.step(), "");
      case StepFinished e -> {
        step(json, e.seq(), e.step(), e.detail());
        json.put("tookMs", e.took().toMillis());
      }
      case StepFailed e -> step(json, e.seq(), e.step(), e.reason());
      case HealthProbe e -> {
        json.put(
            "detail", e.container() + " probe " + e.attempt() + "/" + e.of() + ": " + e.result());
        json.put("service", e.service());
      }
      case Switched e -> {
        json.put("detail", e.service() + ": " + e.from() + " → " + e.to());
        json.put("service", e.service());
      }
      case Undone e -> json.put("detail", e.what());
      case Warning e -> json.put("detail", e.message());
      case DeployFinished e -> {
        DeployReport r = e.report();
        json.put("deployId", r.deployId());
        json.put(
            "detail",
            r.kind()
                + " "
                + r.version()
                + " "
                + r.outcome().name().toLowerCase(Locale.ROOT)
                + r.failedStep().map(s -> " at " + s).orElse("")
                + r.failure().map(f -> ": " + f.lines().findFirst().orElse(f)).orElse(""));
        json.put("kind", r.kind());
        json.put("version", r.version());
        json.put("outcome", r.outcome().name());
      }
    }
    return ServerJson.write(json);
  }

  private static void step(Map<String, Object> json, int seq, String step, String detail) {
    json.put("step", step);
    json.put("seq", seq);
    json.put("detail", detail);
  }
}
