package dev.dray.notify;

import dev.dray.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A webhook that receives the notification as a JSON document, from {@code
 * generic+https://[user:password@]host[:port]/path[?query]} or {@code generic+http://…} (shoutrrr's
 * shortcut form). dray POSTs to the URL without {@code generic+}; the query is passed on as it is,
 * and a user and password become HTTP basic auth. The password and query values are masked in
 * {@link #describe()}.
 */
record GenericUrl(
    URI target,
    Optional<String> username,
    Optional<Secret> password,
    String describe,
    Redaction redaction)
    implements NotifyUrl {
  static final String HINT =
      "write generic+https://host[:port]/path or generic+http://…, the receiver's URL with"
          + " generic+ in front";

  GenericUrl {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(describe, "describe");
    Objects.requireNonNull(redaction, "redaction");
  }

  static GenericUrl parse(URI uri, String shown, Redaction redaction) throws UrlProblem {
    String scheme = uri.getScheme().substring("generic+".length()).toLowerCase(Locale.ROOT);
    Authority authority = Authority.parse(uri.getRawAuthority());
    if (authority.host().isEmpty()) {
      throw new UrlProblem("host", "the webhook's host is missing", HINT);
    }
    String hostPort = authority.host();
    if (authority.port().isPresent()) {
      hostPort += ":" + NotifyUrlParser.port(authority.port().get());
    }
    Optional<String> username = Optional.empty();
    Optional<String> password = Optional.empty();
    if (authority.rawUserInfo().isPresent()) {
      String info = authority.rawUserInfo().get();
      int colon = info.indexOf(':');
      username =
          Optional.of(NotifyUrlParser.decode(colon < 0 ? info : info.substring(0, colon), "user"));
      password =
          Optional.of(
              colon < 0 ? "" : NotifyUrlParser.decode(info.substring(colon + 1), "password"));
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    URI target;
    try {
      target = new URI(scheme + "://" + hostPort + path + query);
    } catch (URISyntaxException e) {
      throw new UrlProblem("host", "the webhook's host is not valid", HINT);
    }
    if (target.getHost() == null) {
      throw new UrlProblem("host", "the webhook's host is not valid", HINT);
    }
    Redaction secrets =
        redaction
            .plus(password.filter(p -> !p.isEmpty()).map(Set::of).orElse(Set.of()))
            .plusIncidental(queryValues(uri.getRawQuery()));
    return new GenericUrl(
        target,
        username.filter(u -> !u.isEmpty()),
        password.filter(p -> !p.isEmpty()).map(Secret::of),
        shown,
        secrets);
  }

  private static List<String> queryValues(String rawQuery) {
    List<String> values = new ArrayList<>();
    if (rawQuery == null) {
      return values;
    }
    for (String piece : rawQuery.split("&")) {
      int eq = piece.indexOf('=');
      String raw = eq < 0 ? piece : piece.substring(eq + 1);
      values.add(raw);
      try {
        values.add(PercentCoding.decode(raw));
      } catch (IllegalArgumentException e) {
        // the raw form is wiped already
      }
    }
    return values;
  }

  @Override
  public String toString() {
    return describe;
  }
}
