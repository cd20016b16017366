package dev.dray.trigger;

/** {@code auto_deploy} names an environment variable for a webhook secret that is not set. */
public final class MissingWebhookSecretException extends TriggerException {
  private static final long serialVersionUID = 1L;

  private final String app;
  private final String variable;

  public MissingWebhookSecretException(String app, String variable, String key) {
    super(
        "app '"
            + app
            + "': auto_deploy."
            + key
            + " names the environment variable "
            + variable
            + ", which is not set or empty, so its webhooks could not be verified",
        "export "
            + variable
            + "=<the secret configured in the webhook> before starting dray server");
    this.app = app;
    this.variable = variable;
  }

  public String app() {
    return app;
  }

  public String variable() {
    return variable;
  }
}
