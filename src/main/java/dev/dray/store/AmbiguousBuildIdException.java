package dev.dray.store;

import java.util.List;

/** A build id prefix matches more than one recorded build. */
public final class AmbiguousBuildIdException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String prefix;
  private final List<String> matches;

  AmbiguousBuildIdException(String prefix, List<String> matches) {
    super(
        "build id '"
            + prefix
            + "' is ambiguous: it starts "
            + matches.size()
            + " builds ("
            + String.join(", ", matches)
            + ")",
        "give more characters of the id, e.g. " + matches.getFirst(),
        null);
    this.prefix = prefix;
    this.matches = List.copyOf(matches);
  }

  public String prefix() {
    return prefix;
  }

  /** Some of the ids that start with the prefix, in id order. */
  public List<String> matches() {
    return matches;
  }
}
