package dev.dray.trigger;

import dev.dray.Secret;
import dev.dray.config.AutoDeployConfig;
import dev.dray.config.DrayConfig;
import dev.dray.image.MetadataGenerator;
import dev.dray.image.ProjectInfo;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An app as GitHub webhooks see it: the repository it follows, what it deploys, the webhook secret,
 * and the tag rules that name the version a branch push builds.
 *
 * @param repository {@code owner/name}; empty: any repository whose webhook the secret signs
 * @param tagRules the app's {@code tags}/{@code flavor} rules; a branch push deploys their version
 */
public record GitHubApp(
    String app,
    Optional<String> repository,
    DeployPolicy policy,
    Secret secret,
    MetadataGenerator tagRules) {
  public GitHubApp {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(tagRules, "tagRules");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("app " + app + " has an empty GitHub secret");
    }
  }

  /**
   * The app {@code config} describes when its {@code auto_deploy} names a {@code
   * github_secret_env}, the secret read from {@code env}.
   *
   * @throws MissingWebhookSecretException when the variable is not set in {@code env}
   * @throws dev.dray.image.TagRuleException when the config's tag rules are invalid
   */
  public static Optional<GitHubApp> fromConfig(DrayConfig config, Map<String, String> env) {
    Optional<AutoDeployConfig> auto = config.autoDeploy();
    if (auto.isEmpty() || auto.get().githubSecretEnv().isEmpty()) {
      return Optional.empty();
    }
    String variable = auto.get().githubSecretEnv().get();
    String value = env.get(variable);
    if (value == null || value.isEmpty()) {
      throw new MissingWebhookSecretException(config.service(), variable, "github_secret_env");
    }
    return Optional.of(
        new GitHubApp(
            config.service(),
            auto.get().githubRepository(),
            DeployPolicy.of(config.service(), auto.get()),
            Secret.of(value),
            MetadataGenerator.parse(
                config.tagRules(), config.flavor(), ProjectInfo.NONE, Map.of())));
  }

  /** Whether a push to {@code fullName} ({@code owner/name}) concerns this app. */
  boolean follows(String fullName) {
    return repository.map(r -> r.equalsIgnoreCase(fullName)).orElse(true);
  }
}
