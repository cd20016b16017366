package dev.dray.config;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where deploy outcomes are sent, and which outcomes.
 *
 * @param urls notification URLs in shoutrrr's style, such as {@code
 *     telegram://TOKEN@telegram?chats=123}; they may hold tokens, so {@link #toString()} hides all
 *     but their schemes
 * @param on the outcomes that are sent: a subset of {@link #OUTCOMES}
 */
public record NotifyConfig(List<String> urls, Set<String> on) {
  /** Every outcome that can be sent, in the order they are documented. */
  public static final Set<String> OUTCOMES =
      Collections.unmodifiableSet(new LinkedHashSet<>(List.of("success", "failure", "rollback")));

  private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://.+");

  public NotifyConfig {
    urls = List.copyOf(urls);
    on = Collections.unmodifiableSet(new LinkedHashSet<>(on));
    if (!OUTCOMES.containsAll(on)) {
      throw new IllegalArgumentException("outcomes must be among " + OUTCOMES + ", got " + on);
    }
  }

  /** No URLs; every outcome. */
  public static NotifyConfig defaults() {
    return new NotifyConfig(List.of(), OUTCOMES);
  }

  /** Whether {@code outcome} ({@code success}, {@code failure}, {@code rollback}) is sent. */
  public boolean sends(String outcome) {
    return on.contains(outcome);
  }

  /** Shows each URL's scheme only: the rest may hold a token or password. */
  @Override
  public String toString() {
    return "NotifyConfig[urls="
        + urls.stream().map(u -> u.substring(0, Math.max(0, u.indexOf("://"))) + "://…").toList()
        + ", on="
        + on
        + "]";
  }

  static NotifyConfig read(ConfigNode notify) {
    for (ConfigNode url : notify.get("urls").elements()) {
      if (!SCHEME.matcher(url.text("")).matches()) {
        // The URL itself is not repeated: it may hold a token.
        url.problem(
            "expected a notification URL such as telegram://TOKEN@telegram?chats=123 or"
                + " generic+https://host/path; this one has no scheme:// part");
      }
    }
    ConfigNode on = notify.get("on");
    return new NotifyConfig(
        notify.get("urls").strings(),
        on.isPresent() ? new LinkedHashSet<>(on.strings()) : OUTCOMES);
  }
}
