package dev.dray.engine;

/**
 * The engine could not start a container: its command is missing, a port or device is unavailable,
 * a mount failed.
 */
public final class ContainerStartFailedException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final String container;
  private final String engineMessage;

  public ContainerStartFailedException(String container, String engineMessage) {
    super(
        "starting container " + container + " failed: " + engineMessage,
        "check the service's command, volumes, devices and ports; docker inspect "
            + container
            + " shows the engine's view");
    this.container = container;
    this.engineMessage = engineMessage;
  }

  /** The name or ID that failed to start. */
  public String container() {
    return container;
  }

  public String engineMessage() {
    return engineMessage;
  }
}
