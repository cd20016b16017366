package dev.dray.store;

import java.time.Instant;
import java.util.List;

/**
 * The append-only log of what was done to each app (deploys, rollbacks, lock releases, …): lines
 * are added and read, never changed or removed.
 */
public interface AuditLog {

  /** Appends a line after every line already in the log. */
  void append(String host, String app, String action, String detail, Instant at);

  /** The last {@code limit} lines appended for {@code app}, the newest (last appended) first. */
  List<AuditEntry> recent(String app, int limit);
}
