package dev.dray.dockerfile;

import java.util.Objects;

/**
 * A here-document attached to a {@code RUN}, {@code COPY} or {@code ADD} instruction.
 *
 * @param name the delimiter word, such as {@code EOF}
 * @param content the lines between the marker and the delimiter, each ending in a newline
 * @param expand whether variables in the content are expanded (the delimiter was not quoted)
 * @param line the 1-based line of the first content line
 */
public record Heredoc(String name, String content, boolean expand, int line) {
  public Heredoc {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }
}
