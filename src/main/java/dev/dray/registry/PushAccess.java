package dev.dray.registry;

import java.util.List;

/** Whether dray may push to a repository, as {@code dray doctor} reports it. */
public sealed interface PushAccess {
  /** One line saying what was checked and what came of it. */
  String detail();

  /** Pushing is allowed. */
  record Ok(String detail) implements PushAccess {}

  /** The registry answered but refuses to let this client push; {@code attempts} as resolved. */
  record Unauthorized(String detail, List<String> attempts) implements PushAccess {
    public Unauthorized {
      attempts = List.copyOf(attempts);
    }
  }

  /** The registry could not be reached or failed. */
  record Unreachable(String detail) implements PushAccess {}
}
