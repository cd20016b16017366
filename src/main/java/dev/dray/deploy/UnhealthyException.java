package dev.dray.deploy;

/** A new container never became healthy; carries its state for the report. */
public final class UnhealthyException extends DeployException {
  private static final long serialVersionUID = 1L;

  private final transient ContainerFailure failure;

  public UnhealthyException(String service, String why, ContainerFailure failure) {
    super(
        "service " + service + " did not become healthy: " + why + "\n" + failure.describe(),
        "the previous version keeps serving; check the logs above ('dray logs "
            + service
            + "'), fix"
            + " and deploy again");
    this.failure = failure;
  }

  public ContainerFailure failure() {
    return failure;
  }
}
