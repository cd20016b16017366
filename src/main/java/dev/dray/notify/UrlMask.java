package dev.dray.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows a notify URL as written in dray.yml with its secrets replaced by {@code ***}: the token of
 * {@code telegram://}, the password of {@code smtp://} and {@code generic+…://}, the last token of
 * {@code slack://}, and every query value except the ones known to be harmless ({@code chats},
 * {@code from}, {@code to}, …). {@code ${NAME}} references stay as they are.
 *
 * <p>It works on URLs that fail to parse too; when it cannot tell the parts apart (a password with
 * an unescaped {@code /}, say) it shows only the scheme.
 */
final class UrlMask {
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
  private static final String PLACEHOLDER = "zzdrayref%dzz";
  private static final Pattern HOST_PORT =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._~%-]*)(:([0-9]*|zzdrayref[0-9]+zz))?");
  private static final Map<String, Set<String>> SHOWN_QUERY_KEYS =
      Map.of(
          "telegram", Set.of("chats", "channels", "notification"),
          "smtp",
              Set.of(
                  "from",
                  "fromaddress",
                  "fromname",
                  "to",
                  "toaddresses",
                  "subject",
                  "title",
                  "starttls",
                  "usestarttls"));

  private UrlMask() {}

  static String mask(String url) {
    if (url == null || url.isBlank()) {
      return "''";
    }
    List<String> names = new ArrayList<>();
    Matcher refs = EnvExpansion.REFERENCE.matcher(url.strip());
    StringBuilder marked = new StringBuilder();
    while (refs.find()) {
      refs.appendReplacement(marked, PLACEHOLDER.formatted(names.size()));
      names.add(refs.group(1));
    }
    refs.appendTail(marked);
    URI uri;
    try {
      uri = new URI(marked.toString());
    } catch (URISyntaxException e) {
      return schemeOnly(url);
    }
    if (uri.getScheme() == null || uri.isOpaque()) {
      return schemeOnly(url);
    }
    String masked = mask(uri);
    for (int i = 0; i < names.size(); i++) {
      masked = masked.replace(PLACEHOLDER.formatted(i), "${" + names.get(i) + "}");
    }
    return masked;
  }

  private static String mask(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? null : authority.substring(0, at);
    String hostPort = authority.substring(at + 1);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!HOST_PORT.matcher(hostPort).matches() || (userInfo == null && path.contains("@"))) {
      return scheme + "://" + Redaction.MASK; // the parts cannot be told apart
    }
    StringBuilder out = new StringBuilder(scheme).append("://");
    if (scheme.equals("slack")) {
      if (userInfo != null) {
        out.append(Redaction.MASK).append('@');
      }
      out.append(slackTokens(hostPort + path));
    } else {
      if (userInfo != null) {
        out.append(userInfo(scheme, userInfo)).append('@');
      }
      out.append(hostPort).append(path);
    }
    if (uri.getRawQuery() != null) {
      out.append('?').append(query(scheme, uri.getRawQuery()));
    }
    if (uri.getRawFragment() != null) {
      out.append('#').append(Redaction.MASK);
    }
    return out.toString();
  }

  /** {@code T0/B0/***}: the team and hook ids are not secret, the last token is. */
  private static String slackTokens(String tokens) {
    List<String> parts = new ArrayList<>(Arrays.asList(tokens.split("/", -1)));
    long nonEmpty = parts.stream().filter(p -> !p.isEmpty()).count();
    int shown = nonEmpty == 3 ? 2 : nonEmpty >= 2 ? 1 : 0;
    int seen = 0;
    for (int i = 0; i < parts.size(); i++) {
      if (!parts.get(i).isEmpty() && seen++ >= shown) {
        parts.set(i, Redaction.MASK);
      }
    }
    return String.join("/", parts);
  }

  private static String userInfo(String scheme, String userInfo) {
    int colon = userInfo.indexOf(':');
    return switch (scheme) {
      case "telegram" -> Redaction.MASK;
      case "smtp" -> colon < 0 ? userInfo : userInfo.substring(0, colon) + ":" + Redaction.MASK;
      case "generic+http", "generic+https" ->
          colon < 0 ? Redaction.MASK : userInfo.substring(0, colon) + ":" + Redaction.MASK;
      default -> Redaction.MASK;
    };
  }

  private static String query(String scheme, String rawQuery) {
    Set<String> shown = SHOWN_QUERY_KEYS.getOrDefault(scheme, Set.of());
    List<String> pieces = new ArrayList<>();
    for (String piece : rawQuery.split("&", -1)) {
      int eq = piece.indexOf('=');
      String key = eq < 0 ? piece : piece.substring(0, eq);
      if (shown.contains(key.toLowerCase(Locale.ROOT))) {
        pieces.add(piece);
      } else if (eq >= 0) {
        pieces.add(key + "=" + Redaction.MASK);
      } else {
        pieces.add(piece.isEmpty() ? piece : Redaction.MASK);
      }
    }
    return String.join("&", pieces);
  }

  private static String schemeOnly(String url) {
    Matcher m = SCHEME.matcher(url.strip());
    if (!m.find()) {
      return Redaction.MASK;
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    return url.strip().startsWith(m.group(1) + "://")
        ? scheme + "://" + Redaction.MASK
        : scheme + ":" + Redaction.MASK;
  }
}
