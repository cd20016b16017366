package dev.dray.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The deploy lock of each app: at most one process deploys an app at a time, on any host that
 * shares the store.
 *
 * <p>A lock is held until its holder releases it or someone force-releases it ({@code dray lock
 * release}); it does not expire. A lock whose holder died is reported {@linkplain #isStale stale}
 * when that can be told from here, but it is not taken over.
 */
public interface DeployLocks {

  /**
   * Takes {@code app}'s lock for {@code holder}, atomically across threads and processes: of
   * several callers racing for a free lock exactly one gets {@link LockResult.Acquired}, the others
   * {@link LockResult.Held} with the winner's info.
   *
   * @param hostname the caller's host, also used to tell whether a held lock is stale
   * @param pid the caller's process id
   * @param message why the lock is taken, e.g. {@code deploy 1.4.2}
   */
  LockResult acquire(
      String app, String holder, String hostname, long pid, String message, Instant now);

  /** Releases {@code app}'s lock if {@code holder} holds it; another holder's lock stays. */
  void release(String app, String holder);

  /** Releases {@code app}'s lock whoever holds it; nothing happens when it is free. */
  void forceRelease(String app);

  /** Who holds {@code app}'s lock, if anyone does. */
  Optional<DeployLockInfo> status(String app);

  /**
   * Whether {@code lock} was left behind by a dead process: its holder ran on {@code
   * currentHostname} and its pid is no longer alive there. A lock from another host is never called
   * stale, since its process cannot be checked from here.
   */
  static boolean isStale(DeployLockInfo lock, String currentHostname) {
    Objects.requireNonNull(lock, "lock");
    Objects.requireNonNull(currentHostname, "currentHostname");
    return lock.hostname().equals(currentHostname)
        && !ProcessHandle.of(lock.pid()).map(ProcessHandle::isAlive).orElse(false);
  }
}
