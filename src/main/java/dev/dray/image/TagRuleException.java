package dev.dray.image;

import dev.dray.DrayException;
import java.util.Optional;

/**
 * A tag rule or flavor entry that cannot be parsed, or that produced a value which is not a valid
 * image tag.
 *
 * <p>Carries the entry's 1-based position and text, what is wrong, and the produced tag when the
 * problem is the output rather than the syntax.
 */
public final class TagRuleException extends DrayException {
  private static final long serialVersionUID = 1L;

  private final String entryKind;
  private final int index;
  private final String text;
  private final String problem;
  private final String producedTag;

  private TagRuleException(
      String entryKind, int index, String text, String problem, String producedTag, String hint) {
    super((index > 0 ? entryKind + " " + index : entryKind) + " '" + text + "': " + problem, hint);
    this.entryKind = entryKind;
    this.index = index;
    this.text = text;
    this.problem = problem;
    this.producedTag = producedTag;
  }

  /** A tag rule line that does not follow the rule syntax. */
  static TagRuleException invalidRule(int index, String text, String problem) {
    return new TagRuleException(
        "tag rule",
        index,
        text,
        problem,
        null,
        "tag rules look like type=ref,event=branch or type=semver,pattern={{version}}"
            + " (docker/metadata-action syntax)");
  }

  /** A flavor line that does not follow the flavor syntax. */
  static TagRuleException invalidFlavor(int index, String text, String problem) {
    return new TagRuleException(
        "flavor entry",
        index,
        text,
        problem,
        null,
        "flavor entries look like latest=auto|true|false, prefix=<text>[,onlatest=true]"
            + " or suffix=<text>[,onlatest=true]");
  }

  /** A rule that rendered a value which is not a valid Docker tag. */
  static TagRuleException invalidTag(int index, String text, String tag, String why) {
    return new TagRuleException(
        "tag rule",
        index,
        text,
        "produced the invalid tag '" + tag + "': " + why,
        tag,
        "make the rule apply only where its expressions have values, e.g. add"
            + " enable={{is_not_default_branch}} or use type=ref,event=branch,suffix=-{{sha}}"
            + " instead of prefix={{branch}}- (which is empty on tag and pull request builds)");
  }

  /** The flavor's {@code latest} tag came out invalid. */
  static TagRuleException invalidLatestTag(String flavorText, String tag, String why) {
    return new TagRuleException(
        "flavor",
        0,
        flavorText,
        "produced the invalid tag '" + tag + "': " + why,
        tag,
        "choose a flavor prefix/suffix that keeps tags valid, or drop onlatest=true");
  }

  /** A label value whose expressions cannot be rendered. */
  static TagRuleException invalidLabel(String key, String value, String problem) {
    return new TagRuleException(
        "label",
        0,
        key + "=" + value,
        problem,
        null,
        "label values may use the same {{expressions}} as tag rules, e.g. {{sha}} or"
            + " {{commit_date 'YYYY-MM-DD'}}");
  }

  /** {@code tag rule}, {@code flavor entry}, {@code flavor} or {@code label}. */
  public String entryKind() {
    return entryKind;
  }

  /** The entry's 1-based position in the list it came from, or 0 when it has none. */
  public int index() {
    return index;
  }

  /** The entry as written. */
  public String text() {
    return text;
  }

  /** What is wrong, without the entry's position and text. */
  public String problem() {
    return problem;
  }

  /** The invalid tag the rule produced, when that is the problem. */
  public Optional<String> producedTag() {
    return Optional.ofNullable(producedTag);
  }
}
