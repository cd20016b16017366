package dev.dray.store;

import java.util.List;

/** An id prefix matches more than one record (a build, a deploy). */
public final class AmbiguousIdException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String prefix;
  private final List<String> matches;
  private final boolean more;

  AmbiguousIdException(String kind, String prefix, List<String> matches, boolean more) {
    super(
        kind
            + " id '"
            + prefix
            + "' is ambiguous: it starts the ids "
            + String.join(", ", matches)
            + (more ? " and more" : ""),
        "give more characters of the id, e.g. " + matches.getFirst(),
        null);
    this.prefix = prefix;
    this.matches = List.copyOf(matches);
    this.more = more;
  }

  public String prefix() {
    return prefix;
  }

  /** The first ids, in id order, that start with the prefix: all of them unless {@link #more}. */
  public List<String> matches() {
    return matches;
  }

  /** Whether more ids than {@link #matches} start with the prefix. */
  public boolean more() {
    return more;
  }
}
