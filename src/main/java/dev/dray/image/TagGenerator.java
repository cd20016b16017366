package dev.dray.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Applies tag rules to a Git context the way docker/metadata-action v5 does and returns the tags in
 * order.
 *
 * <p>Rules run by descending priority (ties keep their order). The first tag produced is the
 * version; later ones follow without duplicates. Under {@code latest=auto} the first producing rule
 * decides whether {@code latest} is added (last): yes for {@code type=ref,event=tag}, {@code
 * type=match} and release {@code type=semver}; no otherwise. Values are sanitised: every run of
 * characters outside {@code [A-Za-z0-9._-]} becomes {@code -}; empty values are skipped.
 *
 * <p>Deviations, on purpose: a tag that is still invalid after sanitising (it starts with {@code .}
 * or {@code -}, e.g. {@code -90dd603} from {@code prefix={{branch}}-} on a tag push, or is longer
 * than 128 characters) raises {@link TagRuleException} instead of being emitted; unknown
 * expressions are errors instead of empty text; {@code latest} is never listed twice; the short SHA
 * is always 7 digits.
 */
final class TagGenerator {

  /** The version (first tag, or empty when there is none) and all tags including it. */
  record Result(String version, List<String> tags) {}

  private record Candidate(TagRule rule, String value, boolean autoLatest) {}

  private final Flavor flavor;
  private final GitContext git;
  private final GlobalExpressions expressions;

  TagGenerator(Flavor flavor, GitContext git, Instant now) {
    this.flavor = flavor;
    this.git = git;
    this.expressions = new GlobalExpressions(git, now);
  }

  Result generate(List<TagRule> rules) {
    List<TagRule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparingInt(TagRule::priority).reversed());
    List<String> tags = new ArrayList<>();
    Boolean latest = null;
    for (TagRule rule : sorted) {
      if (!enabled(rule)) {
        continue;
      }
      Optional<Candidate> candidate = within(rule, () -> candidate(rule));
      if (candidate.isEmpty()) {
        continue;
      }
      String value = within(rule, () -> affixed(rule, candidate.get().value()));
      if (value.isEmpty()) {
        continue;
      }
      String tag = sanitise(value);
      String problem = problem(tag);
      if (problem != null) {
        throw TagRuleException.invalidTag(rule.index(), rule.text(), tag, problem);
      }
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
      if (latest == null) {
        latest =
            switch (flavor.latest()) {
              case AUTO -> candidate.get().autoLatest();
              case TRUE -> true;
              case FALSE -> false;
            };
      }
    }
    if (Boolean.TRUE.equals(latest)) {
      String tag = sanitise(latestTag());
      String problem = problem(tag);
      if (problem != null) {
        throw TagRuleException.invalidLatestTag(
            "prefix=" + flavor.prefix() + ",suffix=" + flavor.suffix(), tag, problem);
      }
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return new Result(tags.isEmpty() ? "" : tags.get(0), List.copyOf(tags));
  }

  /** Replaces every run of characters not allowed in a tag by {@code -}. */
  static String sanitise(String value) {
    return value.replaceAll("[^a-zA-Z0-9._-]+", "-");
  }

  private static String problem(String tag) {
    if (ImageRef.isValidTag(tag)) {
      return null;
    }
    if (tag.length() > 128) {
      return "a tag has at most 128 characters, this one has " + tag.length();
    }
    return "a tag cannot start with '" + tag.charAt(0) + "'";
  }

  private boolean enabled(TagRule rule) {
    String rendered = within(rule, () -> expressions.render(rule.enable()));
    return switch (rendered) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw TagRuleException.invalidRule(
              rule.index(),
              rule.text(),
              "enable='" + rule.enable() + "' gave '" + rendered + "', expected true or false");
    };
  }

  private Optional<Candidate> candidate(TagRule rule) {
    return switch (rule.source()) {
      case TagSource.Schedule s ->
          git.eventName().contains("schedule")
              ? found(rule, expressions.datesOnly().render(s.pattern()), false)
              : Optional.empty();
      case TagSource.Semver s ->
          SemverRule.value(s, git, expressions, rule)
              .map(v -> new Candidate(rule, v.value(), v.release()));
      case TagSource.Match m -> match(rule, m);
      case TagSource.Edge e -> {
        String branch = e.branch().isEmpty() ? git.defaultBranch() : e.branch();
        yield git.isBranch() && git.branch().equals(branch)
            ? found(rule, "edge", false)
            : Optional.empty();
      }
      case TagSource.Ref r ->
          switch (r.event()) {
            case BRANCH -> git.isBranch() ? found(rule, git.branch(), false) : Optional.empty();
            case TAG -> git.isTag() ? found(rule, git.tag(), true) : Optional.empty();
            case PR ->
                git.isPullRequest() ? found(rule, git.pullRequest(), false) : Optional.empty();
          };
      case TagSource.Raw r -> found(rule, expressions.render(r.value()), false);
      case TagSource.Sha s -> found(rule, s.longFormat() ? git.sha() : git.shortSha(), false);
    };
  }

  private Optional<Candidate> match(TagRule rule, TagSource.Match m) {
    if (!git.isTag() && m.value().isEmpty()) {
      return Optional.empty();
    }
    String input = m.value().isEmpty() ? git.tag() : expressions.render(m.value());
    Matcher matcher =
        MatchPattern.compile(
                m.pattern(), msg -> TagRuleException.invalidRule(rule.index(), rule.text(), msg))
            .matcher(input);
    if (!matcher.find() || m.group() > matcher.groupCount() || matcher.group(m.group()) == null) {
      return Optional.empty();
    }
    return found(rule, matcher.group(m.group()), true);
  }

  private static Optional<Candidate> found(TagRule rule, String value, boolean autoLatest) {
    return Optional.of(new Candidate(rule, value, autoLatest));
  }

  private String affixed(TagRule rule, String value) {
    String prefix = rule.prefix().orElse(flavor.prefix());
    String suffix = rule.suffix().orElse(flavor.suffix());
    return expressions.render(prefix) + value + expressions.render(suffix);
  }

  private String latestTag() {
    return (flavor.prefixOnLatest() ? expressions.render(flavor.prefix()) : "")
        + "latest"
        + (flavor.suffixOnLatest() ? expressions.render(flavor.suffix()) : "");
  }

  private static <T> T within(TagRule rule, Supplier<T> work) {
    try {
      return work.get();
    } catch (TemplateException e) {
      throw TagRuleException.invalidRule(rule.index(), rule.text(), e.getMessage());
    }
  }
}
