package dev.dray.dockerfile;

import java.util.Optional;

/**
 * The parser directives at the top of a Dockerfile: {@code # syntax=} and {@code # escape=}.
 *
 * @param syntax the frontend image named by {@code # syntax=}, if any
 * @param escape the escape character: {@code \} by default or {@code `} when set
 */
public record ParserDirectives(Optional<String> syntax, char escape) {
  /** The directives of a Dockerfile that has none. */
  public static final ParserDirectives DEFAULT = new ParserDirectives(Optional.empty(), '\\');

  public ParserDirectives {
    if (escape != '\\' && escape != '`') {
      throw new IllegalArgumentException("escape must be \\ or `, got " + escape);
    }
  }
}
