package dev.dray.dockerfile;

import java.util.List;

/** A build target that names no stage of the Dockerfile. */
public final class UnknownTargetException extends DockerfileException {
  private static final long serialVersionUID = 1L;

  private final String target;
  private final List<String> available;

  UnknownTargetException(String file, String target, List<String> available) {
    super(
        file,
        0,
        "no stage named '"
            + target
            + "' to build as target; the stages are "
            + String.join(", ", available),
        "set build.target in dray.yml (or --target) to one of: " + String.join(", ", available));
    this.target = target;
    this.available = List.copyOf(available);
  }

  /** The target that was asked for. */
  public String target() {
    return target;
  }

  /** The ids of the stages the Dockerfile does have, in file order. */
  public List<String> available() {
    return available;
  }
}
