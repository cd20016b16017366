package dev.dray.notify;

import dev.dray.Secret;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Slack incoming webhook, from {@code slack://<token-a>/<token-b>/<token-c>}: the three parts
 * after {@code https://hooks.slack.com/services/} in the webhook's URL (shoutrrr's webhook form).
 * Only the last token is secret. shoutrrr's {@code botname@…} and {@code hook:…@webhook} forms and
 * its query parameters are not supported.
 */
record SlackUrl(String tokenA, String tokenB, Secret tokenC, String describe, Redaction redaction)
    implements NotifyUrl {
  static final String HINT =
      "write slack://<token-a>/<token-b>/<token-c>: the three parts after"
          + " https://hooks.slack.com/services/ in the incoming webhook's URL";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]+");

  SlackUrl {
    Objects.requireNonNull(tokenA, "tokenA");
    Objects.requireNonNull(tokenB, "tokenB");
    Objects.requireNonNull(tokenC, "tokenC");
    Objects.requireNonNull(describe, "describe");
    Objects.requireNonNull(redaction, "redaction");
  }

  static SlackUrl parse(URI uri, String shown, Redaction redaction) throws UrlProblem {
    Authority authority = Authority.parse(uri.getRawAuthority());
    if (authority.rawUserInfo().isPresent()) {
      throw new UrlProblem(
          "token", "the botname@… and hook:…@webhook forms are not supported", HINT);
    }
    QueryParams.parse(uri.getRawQuery()).requireKnown(List.of(), HINT);
    String raw =
        (uri.getRawAuthority() == null ? "" : uri.getRawAuthority())
            + (uri.getRawPath() == null ? "" : uri.getRawPath());
    List<String> tokens =
        Arrays.stream(NotifyUrlParser.decode(raw, "token").split("/"))
            .filter(t -> !t.isEmpty())
            .toList();
    if (tokens.size() != 3) {
      throw new UrlProblem(
          "token", "expected three tokens separated by /, found " + tokens.size(), HINT);
    }
    String[] names = {"token-a", "token-b", "token-c"};
    for (int i = 0; i < 3; i++) {
      if (!TOKEN.matcher(tokens.get(i)).matches()) {
        throw new UrlProblem(names[i], names[i] + " may hold only letters and digits", HINT);
      }
    }
    return new SlackUrl(
        tokens.get(0),
        tokens.get(1),
        Secret.of(tokens.get(2)),
        shown,
        redaction.plus(Set.of(tokens.get(2), String.join("/", tokens))));
  }

  /** The path of the webhook below its base URL: {@code services/a/b/c}. */
  String webhookPath() {
    return "services/" + tokenA + "/" + tokenB + "/" + tokenC.reveal();
  }

  @Override
  public String toString() {
    return describe;
  }
}
