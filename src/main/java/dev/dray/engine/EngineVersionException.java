package dev.dray.engine;

/** The engine speaks no Engine API version that dray can use. */
public final class EngineVersionException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final ApiVersion serverMax;
  private final ApiVersion serverMin;

  public EngineVersionException(ApiVersion serverMin, ApiVersion serverMax) {
    super(
        "the Docker Engine speaks API "
            + serverMin
            + " to "
            + serverMax
            + ", dray needs a version between "
            + ApiVersion.MINIMUM
            + " and "
            + ApiVersion.NEWEST_KNOWN,
        serverMax.compareTo(ApiVersion.MINIMUM) < 0
            ? "upgrade Docker Engine to 18.09 or newer"
            : "upgrade dray, or use an engine that still accepts API " + ApiVersion.NEWEST_KNOWN);
    this.serverMin = serverMin;
    this.serverMax = serverMax;
  }

  public ApiVersion serverMin() {
    return serverMin;
  }

  public ApiVersion serverMax() {
    return serverMax;
  }
}
