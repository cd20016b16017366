package dev.dray.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${NAME}} references in a notify URL from dray's environment, so tokens and passwords
 * need not be written into dray.yml. Each value is percent-encoded: it stands for exactly one part
 * (a token, a password, a path segment, a query value) whatever characters it holds.
 *
 * @param text the URL with every reference replaced
 * @param values the values that were put in, for {@link Redaction}
 */
record EnvExpansion(String text, List<String> values) {
  static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  EnvExpansion {
    values = List.copyOf(values);
  }

  static EnvExpansion expand(String url, Map<String, String> env) throws UrlProblem {
    rejectBrokenReferences(url);
    Matcher m = REFERENCE.matcher(url);
    StringBuilder out = new StringBuilder();
    List<String> values = new ArrayList<>();
    while (m.find()) {
      String name = m.group(1);
      String value = env.get(name);
      if (value == null || value.isEmpty()) {
        throw new UrlProblem(
            "${" + name + "}",
            "${" + name + "} is not set in dray's environment",
            "export " + name + "=… before running dray, or write the value into the URL");
      }
      values.add(value);
      m.appendReplacement(out, Matcher.quoteReplacement(PercentCoding.encode(value)));
    }
    m.appendTail(out);
    return new EnvExpansion(out.toString(), values);
  }

  private static void rejectBrokenReferences(String url) throws UrlProblem {
    Matcher m = REFERENCE.matcher(url);
    for (int open = url.indexOf("${"); open >= 0; open = url.indexOf("${", open + 2)) {
      if (!m.region(open, url.length()).lookingAt()) {
        throw new UrlProblem(
            "${…}",
            "'${' at character " + (open + 1) + " does not start a ${NAME} reference",
            "write environment references as ${NAME} with letters, digits and _ only");
      }
    }
  }

  @Override
  public String toString() {
    return "EnvExpansion[" + values.size() + " values filled in]";
  }
}
