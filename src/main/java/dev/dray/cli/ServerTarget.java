package dev.dray.cli;

import dev.dray.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A dray server to read from: its base URL (path ending in {@code /}) and the API token from {@code
 * DRAY_SERVER_TOKEN}.
 *
 * @param base such as {@code http://127.0.0.1:7070/}; http or https, no user info, query or
 *     fragment
 * @param token the API token; only ever sent as {@code Authorization: Bearer …}
 */
record ServerTarget(URI base, Secret token) {
  /** The environment variable naming the server when {@code --server} is not given. */
  static final String SERVER_ENV = "DRAY_SERVER";

  /** The environment variable holding the API token; never a command-line argument. */
  static final String TOKEN_ENV = "DRAY_SERVER_TOKEN";

  ServerTarget {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(token, "token");
  }

  /**
   * The server at {@code url} (from {@code origin}: {@code --server} or {@code DRAY_SERVER}) with
   * the token in {@code env}. A URL without a scheme is taken as {@code http://}.
   *
   * @throws CliInputException when the URL is not an http(s) URL or the token is not set
   */
  static ServerTarget of(String url, String origin, Map<String, String> env) {
    URI base = parse(url.strip(), origin);
    String token = env.get(TOKEN_ENV);
    if (token == null || token.isBlank()) {
      throw new CliInputException(
          "dray server at "
              + base
              + " (from "
              + origin
              + ") needs its API token, but "
              + TOKEN_ENV
              + " is not set",
          "set "
              + TOKEN_ENV
              + " to the token 'dray server' printed at its first start ('dray server token' on"
              + " the server's host makes a new one), or use --local to read this host");
    }
    return new ServerTarget(base, Secret.of(token.strip()));
  }

  /** {@code relative} (such as {@code api/apps}) under the base URL, keeping a path prefix. */
  URI resolve(String relative) {
    return base.resolve(relative);
  }

  @Override
  public String toString() {
    return base.toString();
  }

  private static URI parse(String text, String origin) {
    String withScheme = text.contains("://") ? text : "http://" + text;
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      throw notAUrl(text, origin, e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw notAUrl(text, origin, "only http and https are spoken");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw notAUrl(text, origin, "no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new CliInputException(
          origin + " must not carry credentials in the URL",
          "give only the address, such as http://127.0.0.1:7070, and the token in " + TOKEN_ENV);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw notAUrl(text, origin, "no query or fragment expected");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }

  private static CliInputException notAUrl(String text, String origin, String why) {
    return new CliInputException(
        origin + " '" + text + "' is not a dray server URL: " + why,
        "give the server's address, such as http://127.0.0.1:7070 (dray server prints it when it"
            + " starts)");
  }
}
