package dev.dray.engine;

import java.time.Duration;

/** A container was still running when waiting for it to exit timed out; it is left running. */
public final class ContainerWaitTimeoutException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final String container;
  private final Duration timeout;

  public ContainerWaitTimeoutException(String container, Duration timeout) {
    super(
        "container " + container + " did not exit within " + timeout.toMillis() + " ms",
        "look at what it is doing (docker logs "
            + container
            + ") and raise the timeout if it needs more time");
    this.container = container;
    this.timeout = timeout;
  }

  /** The name or ID waited for. */
  public String container() {
    return container;
  }

  public Duration timeout() {
    return timeout;
  }
}
