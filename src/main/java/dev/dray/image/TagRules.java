package dev.dray.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses lists of tag rules and holds dray's default rules.
 *
 * <p>dray's defaults, used when a project configures no rules (deliberately different from
 * docker/metadata-action's, which tag branches and tags by name only):
 *
 * <pre>
 * type=raw,value=latest,enable={{is_default_branch}}   latest, on the default branch only
 * type=ref,event=branch,suffix=-{{sha}}                &lt;branch&gt;-&lt;sha7&gt;, on branch refs only
 * type=sha                                             sha-&lt;sha7&gt;, always
 * type=semver,pattern={{version}}                      1.2.3 (or 2.0.0-rc.1), on semver tags
 * type=semver,pattern={{major}}.{{minor}}              1.2, on release tags
 * type=semver,pattern={{major}}                        1, on release tags
 * </pre>
 *
 * <p>So a push to {@code main} gives {@code main-90dd603, latest, sha-90dd603}; a tag {@code
 * v1.2.3} gives {@code 1.2.3, 1.2, 1, sha-90dd603, latest}; a tag {@code v2.0.0-rc.1} gives {@code
 * 2.0.0-rc.1, sha-90dd603}; a pull request gives {@code sha-90dd603}. The {@code <branch>-<sha>}
 * rule is written with {@code type=ref,event=branch} rather than {@code
 * type=sha,prefix={{branch}}-} because the ref rule does not fire on tag or pull request refs.
 * Semver rules accept any tag that is a semantic version, with or without the leading {@code v}.
 */
public final class TagRules {
  /** The default rule lines, in the order listed above. */
  public static final List<String> DEFAULT_LINES =
      List.of(
          "type=raw,value=latest,enable={{is_default_branch}}",
          "type=ref,event=branch,suffix=-{{sha}}",
          "type=sha",
          "type=semver,pattern={{version}}",
          "type=semver,pattern={{major}}.{{minor}}",
          "type=semver,pattern={{major}}");

  private TagRules() {}

  /**
   * Parses rule lines; blank lines and lines starting with {@code #} are skipped but still count
   * for the 1-based index in error messages.
   *
   * @throws TagRuleException for the first line that is not a valid rule
   */
  public static List<TagRule> parse(List<String> lines) {
    List<TagRule> rules = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        rules.add(TagRule.parse(i + 1, line));
      }
    }
    return List.copyOf(rules);
  }

  /** dray's default rules, parsed. */
  public static List<TagRule> defaults() {
    return parse(DEFAULT_LINES);
  }
}
