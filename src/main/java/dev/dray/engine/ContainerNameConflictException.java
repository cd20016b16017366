package dev.dray.engine;

/** A container could not be created or renamed because another container has the name. */
public final class ContainerNameConflictException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final String name;

  public ContainerNameConflictException(String name, String engineMessage) {
    super(
        "a container named " + name + " already exists: " + engineMessage,
        "remove it (docker rm -f " + name + ") or choose another name");
    this.name = name;
  }

  /** The name that is taken. */
  public String name() {
    return name;
  }
}
