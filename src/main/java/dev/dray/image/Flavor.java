package dev.dray.image;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * docker/metadata-action's {@code flavor}: whether to add {@code latest}, and a global prefix and
 * suffix for generated tags.
 *
 * <p>The prefix and suffix apply to every rule that sets no {@code prefix}/{@code suffix} of its
 * own, and to {@code latest} only with {@code onlatest=true}. {@code latest=auto} adds {@code
 * latest} when the highest-priority tag came from {@code type=ref,event=tag}, {@code type=match} or
 * a non-pre-release {@code type=semver}.
 */
public record Flavor(
    Latest latest, String prefix, boolean prefixOnLatest, String suffix, boolean suffixOnLatest) {

  /** {@code latest=auto}, no prefix, no suffix. */
  public static final Flavor DEFAULT = new Flavor(Latest.AUTO, "", false, "", false);

  /** The {@code latest=} modes. */
  public enum Latest {
    AUTO,
    TRUE,
    FALSE
  }

  public Flavor {
    Objects.requireNonNull(latest, "latest");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(suffix, "suffix");
  }

  /**
   * Parses flavor lines such as {@code latest=false}, {@code prefix=app-,onlatest=true}. Later
   * lines override earlier ones; blank lines and lines starting with {@code #} are skipped.
   *
   * @throws TagRuleException naming the line and what is wrong
   */
  public static Flavor parse(List<String> lines) {
    Flavor flavor = DEFAULT;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        flavor = flavor.apply(i + 1, line);
      }
    }
    return flavor;
  }

  private Flavor apply(int index, String line) {
    List<String> fields;
    try {
      fields = CsvFields.split(line);
    } catch (IllegalArgumentException e) {
      throw TagRuleException.invalidFlavor(index, line, e.getMessage());
    }
    Flavor f = this;
    String onLatestFor = "";
    for (String field : fields) {
      int eq = field.indexOf('=');
      if (eq <= 0) {
        throw TagRuleException.invalidFlavor(index, line, "'" + field + "' is not key=value");
      }
      String key = field.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = field.substring(eq + 1).strip();
      switch (key) {
        case "latest" -> f = f.with(latestMode(index, line, value), f.prefix, f.suffix);
        case "prefix" -> {
          f = f.with(f.latest, value, f.suffix);
          onLatestFor = "prefix";
        }
        case "suffix" -> {
          f = f.with(f.latest, f.prefix, value);
          onLatestFor = "suffix";
        }
        case "onlatest" -> f = f.onLatest(index, line, onLatestFor, value);
        default ->
            throw TagRuleException.invalidFlavor(
                index,
                line,
                "unknown key '" + key + "'; expected latest, prefix, suffix, onlatest");
      }
    }
    return f;
  }

  private static Latest latestMode(int index, String line, String value) {
    return switch (value) {
      case "auto" -> Latest.AUTO;
      case "true" -> Latest.TRUE;
      case "false" -> Latest.FALSE;
      default ->
          throw TagRuleException.invalidFlavor(
              index, line, "latest='" + value + "' is not auto, true or false");
    };
  }

  private Flavor onLatest(int index, String line, String target, String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw TagRuleException.invalidFlavor(
          index, line, "onlatest='" + value + "' is not true or false");
    }
    boolean on = value.equals("true");
    return switch (target) {
      case "prefix" -> new Flavor(latest, prefix, on, suffix, suffixOnLatest);
      case "suffix" -> new Flavor(latest, prefix, prefixOnLatest, suffix, on);
      default ->
          throw TagRuleException.invalidFlavor(
              index, line, "onlatest must follow prefix= or suffix= on the same line");
    };
  }

  private Flavor with(Latest newLatest, String newPrefix, String newSuffix) {
    return new Flavor(newLatest, newPrefix, prefixOnLatest, newSuffix, suffixOnLatest);
  }
}
