package dev.dray.registry;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code rel="next"} target in RFC 8288 {@code Link} headers, for paginated lists. */
final class NextLink {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
  private static final Pattern REL_NEXT =
      Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?", Pattern.CASE_INSENSITIVE);

  private NextLink() {}

  /** The next page's URI, resolved against {@code current}; empty on the last page. */
  static Optional<URI> find(List<String> linkHeaders, URI current) {
    for (String header : linkHeaders) {
      Matcher link = LINK.matcher(header);
      while (link.find()) {
        Matcher rel = REL_NEXT.matcher(link.group(2));
        while (rel.find()) {
          if (List.of(rel.group(1).trim().split("\\s+")).contains("next")) {
            return Optional.of(current.resolve(link.group(1).trim()));
          }
        }
      }
    }
    return Optional.empty();
  }
}
