package dev.dray.cli;

import dev.dray.config.AutoDeployConfig;
import dev.dray.config.DrayConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The line {@code dray server} prints at start for an app that deploys by itself: what it follows
 * and where its webhooks are, so a user sees at once whether the configuration says what they
 * meant.
 */
final class AutoDeployLine {
  private AutoDeployLine() {}

  /** {@code hello auto-deploys: polls …:latest every 5.0s (HEAD), …}; empty without auto_deploy. */
  static Optional<String> of(DrayConfig app) {
    return app.autoDeploy().map(auto -> app.service() + " auto-deploys: " + describe(app, auto));
  }

  private static String describe(DrayConfig app, AutoDeployConfig auto) {
    List<String> parts = new ArrayList<>();
    auto.watch()
        .ifPresent(
            w ->
                parts.add(
                    "polls "
                        + app.image().withTag(w.tag())
                        + " every "
                        + Durations.format(w.interval())
                        + " (HEAD)"));
    if (auto.watch().isEmpty()) {
      auto.tag().ifPresent(t -> parts.add("follows " + app.image().withTag(t)));
    }
    auto.semver().ifPresent(r -> parts.add("tags in " + r.text()));
    auto.registrySecretEnv()
        .ifPresent(
            env ->
                parts.add(
                    "registry notifications at POST /hooks/registry (secret from $" + env + ")"));
    if (!auto.branches().isEmpty() || !auto.tags().isEmpty()) {
      List<String> refs = new ArrayList<>();
      if (!auto.branches().isEmpty()) {
        refs.add("branch " + String.join(", ", auto.branches()) + " → build + deploy");
      }
      if (!auto.tags().isEmpty()) {
        refs.add("tag " + String.join(", ", auto.tags()) + " → deploy");
      }
      parts.add(
          "GitHub pushes ("
              + String.join("; ", refs)
              + ") at POST /hooks/github/"
              + app.service()
              + auto.githubSecretEnv().map(env -> " (secret from $" + env + ")").orElse(""));
    }
    return parts.isEmpty() ? "nothing to follow" : String.join("; ", parts);
  }
}
