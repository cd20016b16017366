package dev.dray.store;

import java.util.Objects;

/** What came of trying to take an app's deploy lock: it was taken, or someone holds it. */
public sealed interface LockResult {

  /** The lock as it is now: the caller's when {@link Acquired}, the holder's when {@link Held}. */
  DeployLockInfo lock();

  /** The caller now holds the lock. */
  record Acquired(DeployLockInfo lock) implements LockResult {
    public Acquired {
      Objects.requireNonNull(lock, "lock");
    }
  }

  /**
   * Someone else holds the lock (or the caller, from an earlier acquire: the lock is not
   * re-entrant).
   *
   * @param stale whether the holder is a process on the caller's host that is no longer alive (see
   *     {@link DeployLocks#isStale}); the lock stays held until released or force-released
   */
  record Held(DeployLockInfo lock, boolean stale) implements LockResult {
    public Held {
      Objects.requireNonNull(lock, "lock");
    }
  }
}
