package dev.dray.deploy;

import dev.dray.store.DeployLockInfo;

/** Another rollout of the same app holds the deploy lock. */
public final class LockHeldException extends DeployException {
  private static final long serialVersionUID = 1L;

  public LockHeldException(DeployLockInfo lock, boolean stale) {
    super(
        "the deploy lock of "
            + lock.app()
            + " is held by "
            + lock.holder()
            + " since "
            + lock.since()
            + (lock.message().isBlank() ? "" : " (" + lock.message() + ")")
            + (stale ? "; its process is gone (stale)" : ""),
        stale
            ? "run 'dray recover' to repair what it left, or 'dray lock release' if you know it is safe"
            : "wait for it ('dray deploy --lock-wait 10m'), or see 'dray lock status'");
  }
}
