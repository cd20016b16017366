package dev.dray.image;

import java.util.Objects;
import java.util.Optional;

/**
 * One parsed tag rule in docker/metadata-action's syntax, such as {@code
 * type=semver,pattern={{major}}.{{minor}}} or {@code
 * type=raw,value=latest,enable={{is_default_branch}}}.
 *
 * <p>{@code enable}, {@code prefix}, {@code suffix} and value attributes may contain global
 * expressions and are rendered when tags are generated. An absent {@code prefix}/{@code suffix}
 * lets the flavor's apply; a present one, even empty, replaces it. {@code type=sha} has the
 * implicit prefix {@code sha-} and {@code type=ref,event=pr} the implicit prefix {@code pr-}.
 *
 * @param index the 1-based position of the rule in the list it came from
 * @param text the rule as written
 */
public record TagRule(
    int index,
    String text,
    TagSource source,
    String enable,
    int priority,
    Optional<String> prefix,
    Optional<String> suffix) {

  public TagRule {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(enable, "enable");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(suffix, "suffix");
  }

  /**
   * Parses one rule line.
   *
   * @param index the rule's 1-based position, for error messages
   * @throws TagRuleException naming the rule and what is wrong
   */
  public static TagRule parse(int index, String text) {
    return TagRuleParser.parse(index, text);
  }

  @Override
  public String toString() {
    return text;
  }
}
