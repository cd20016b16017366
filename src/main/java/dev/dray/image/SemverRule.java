package dev.dray.image;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes the value of a {@code type=semver} rule as docker/metadata-action does: the tag (or
 * {@code value}), optionally narrowed by {@code match} group 1, with {@code /} replaced by {@code
 * -}, must be a semantic version; a release is rendered through the pattern, a pre-release always
 * gives {@code {{version}}} (or {@code {{raw}}} when the pattern is exactly that).
 */
final class SemverRule {
  private SemverRule() {}

  /** The rendered value and whether the version was a release (which earns {@code latest}). */
  record Value(String value, boolean release) {}

  static Optional<Value> value(
      TagSource.Semver rule, GitContext git, GlobalExpressions expressions, TagRule owner) {
    if (!git.isTag() && rule.value().isEmpty()) {
      return Optional.empty();
    }
    String raw = rule.value().isEmpty() ? git.tag() : expressions.render(rule.value());
    if (!rule.match().isEmpty()) {
      Matcher m = Pattern.compile(rule.match()).matcher(raw);
      if (m.find()) {
        if (m.groupCount() < 1) {
          throw TagRuleException.invalidRule(
              owner.index(), owner.text(), "match '" + rule.match() + "' has no group 1 to take");
        }
        if (m.group(1) == null) {
          return Optional.empty();
        }
        raw = m.group(1);
      }
    }
    Optional<SemVer> parsed = SemVer.parse(raw.replace('/', '-'));
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    SemVer version = parsed.get();
    if (version.isPrerelease() && !Template.isSingle(rule.pattern(), "raw")) {
      return Optional.of(new Value(version.version(), false));
    }
    String rendered =
        Template.render(
            rule.pattern(),
            e -> {
              if (!e.args().isEmpty() || !e.hash().isEmpty()) {
                throw new TemplateException("{{" + e.name() + "}} takes no arguments");
              }
              return version
                  .expression(e.name())
                  .orElseThrow(
                      () ->
                          new TemplateException(
                              "unknown expression {{"
                                  + e.name()
                                  + "}} in a semver pattern; available: {{raw}}, {{version}},"
                                  + " {{major}}, {{minor}}, {{patch}}"));
            });
    return Optional.of(new Value(rendered, !version.isPrerelease()));
  }
}
