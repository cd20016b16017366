package dev.dray.engine;

/** The engine has no container with the given name or ID. */
public final class ContainerNotFoundException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final String container;
  private final String operation;

  /**
   * @param operation what dray tried, such as {@code start} or {@code wait for}
   */
  public ContainerNotFoundException(String container, String operation) {
    super(
        "cannot " + operation + " container " + container + ": no such container",
        "it was removed or never created: list containers with docker ps -a");
    this.container = container;
    this.operation = operation;
  }

  /** The name or ID asked for. */
  public String container() {
    return container;
  }

  public String operation() {
    return operation;
  }
}
