package dev.dray.engine;

/**
 * The engine refused to create a container for a reason other than its name or a missing image,
 * such as an invalid volume, device or port; the message never holds secret values.
 */
public final class ContainerCreateFailedException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final int status;
  private final String engineMessage;

  public ContainerCreateFailedException(String name, int status, String engineMessage) {
    super(
        "creating container " + name + " failed with HTTP " + status + ": " + engineMessage,
        "check the service's image, command, volumes, devices and ports in dray.yml");
    this.name = name;
    this.status = status;
    this.engineMessage = engineMessage;
  }

  public String name() {
    return name;
  }

  /** The HTTP status of the engine's answer. */
  public int status() {
    return status;
  }

  /** The engine's reason, with secret values replaced by {@code ******}. */
  public String engineMessage() {
    return engineMessage;
  }
}
