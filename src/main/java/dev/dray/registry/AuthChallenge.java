package dev.dray.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a registry asks for in {@code WWW-Authenticate} when it answers 401. */
public sealed interface AuthChallenge {
  /** {@code Basic realm="…"}: send the user name and password with every request. */
  record Basic(String realm) implements AuthChallenge {}

  /**
   * {@code Bearer realm="…",service="…",scope="…"}: fetch a token from {@code realm} and send it.
   */
  record Bearer(String realm, Optional<String> service, Optional<String> scope)
      implements AuthChallenge {}

  /** A scheme dray does not speak. */
  record Unknown(String scheme) implements AuthChallenge {}

  /**
   * The challenge to answer among all {@code WWW-Authenticate} values: Bearer before Basic before
   * anything else; empty when there is none.
   */
  static Optional<AuthChallenge> select(List<String> headerValues) {
    List<AuthChallenge> all = new ArrayList<>();
    headerValues.forEach(value -> all.addAll(parse(value)));
    return all.stream()
        .filter(Bearer.class::isInstance)
        .findFirst()
        .or(() -> all.stream().filter(Basic.class::isInstance).findFirst())
        .or(() -> all.stream().findFirst());
  }

  /** Parses one header value, which may hold several challenges. */
  static List<AuthChallenge> parse(String headerValue) {
    List<AuthChallenge> challenges = new ArrayList<>();
    ChallengeReader reader = new ChallengeReader(headerValue);
    while (true) {
      reader.skip(" ,\t");
      String scheme = reader.token();
      if (scheme.isEmpty()) {
        break;
      }
      Map<String, String> params = new LinkedHashMap<>();
      while (true) {
        reader.skip(" \t");
        int mark = reader.position();
        String name = reader.token();
        reader.skip(" \t");
        if (name.isEmpty() || !reader.consume('=')) {
          reader.reset(mark);
          break;
        }
        reader.skip(" \t");
        params.put(name.toLowerCase(Locale.ROOT), reader.value());
        reader.skip(" \t");
        reader.consume(',');
      }
      challenges.add(of(scheme, params));
    }
    return challenges;
  }

  private static AuthChallenge of(String scheme, Map<String, String> params) {
    String realm = params.getOrDefault("realm", "");
    return switch (scheme.toLowerCase(Locale.ROOT)) {
      case "basic" -> new Basic(realm);
      case "bearer" ->
          new Bearer(
              realm,
              Optional.ofNullable(params.get("service")).filter(s -> !s.isEmpty()),
              Optional.ofNullable(params.get("scope")).filter(s -> !s.isEmpty()));
      default -> new Unknown(scheme);
    };
  }

  /** A cursor over a header value that reads tokens and (quoted) parameter values. */
  final class ChallengeReader {
    private final String text;
    private int pos;

    ChallengeReader(String text) {
      this.text = text;
    }

    int position() {
      return pos;
    }

    void reset(int mark) {
      pos = mark;
    }

    void skip(String chars) {
      while (pos < text.length() && chars.indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
    }

    boolean consume(char c) {
      if (pos < text.length() && text.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    String token() {
      int start = pos;
      while (pos < text.length() && " \t,=\"".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      return text.substring(start, pos);
    }

    String value() {
      if (!consume('"')) {
        return token();
      }
      StringBuilder value = new StringBuilder();
      while (pos < text.length() && text.charAt(pos) != '"') {
        char c = text.charAt(pos++);
        if (c == '\\' && pos < text.length()) {
          c = text.charAt(pos++);
        }
        value.append(c);
      }
      consume('"');
      return value.toString();
    }
  }
}
