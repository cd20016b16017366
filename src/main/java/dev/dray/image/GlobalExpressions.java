package dev.dray.image;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The values of docker/metadata-action's global expressions for one build: {@code {{branch}}},
 * {@code {{tag}}}, {@code {{sha}}}, {@code {{base_ref}}}, {@code {{is_default_branch}}}, {@code
 * {{is_not_default_branch}}}, {@code {{date 'format' tz='Zone'}}} and {@code {{commit_date 'format'
 * tz='Zone'}}}.
 *
 * <p>Unlike Handlebars, an unknown expression is an error rather than empty text.
 */
final class GlobalExpressions implements Function<Template.Expression, String> {
  static final List<String> NAMES =
      List.of(
          "branch",
          "tag",
          "sha",
          "base_ref",
          "is_default_branch",
          "is_not_default_branch",
          "date",
          "commit_date");

  private final GitContext git;
  private final Instant now;
  private final Set<String> allowed;

  GlobalExpressions(GitContext git, Instant now) {
    this(git, now, Set.copyOf(NAMES));
  }

  private GlobalExpressions(GitContext git, Instant now, Set<String> allowed) {
    this.git = git;
    this.now = now;
    this.allowed = allowed;
  }

  /** Only {@code date} and {@code commit_date}, as in a {@code type=schedule} pattern. */
  GlobalExpressions datesOnly() {
    return new GlobalExpressions(git, now, Set.of("date", "commit_date"));
  }

  /** Renders {@code text} with these values. */
  String render(String text) {
    return Template.render(text, this);
  }

  @Override
  public String apply(Template.Expression e) {
    if (!allowed.contains(e.name())) {
      throw new TemplateException(
          "unknown expression {{"
              + e.name()
              + "}}; available here: "
              + NAMES.stream().filter(allowed::contains).map(n -> "{{" + n + "}}").toList());
    }
    if (!e.name().equals("date") && !e.name().equals("commit_date")) {
      if (!e.args().isEmpty() || !e.hash().isEmpty()) {
        throw new TemplateException("{{" + e.name() + "}} takes no arguments");
      }
    }
    return switch (e.name()) {
      case "branch" -> git.branch();
      case "tag" -> git.tag();
      case "sha" -> git.shortSha();
      case "base_ref" -> git.baseRef();
      case "is_default_branch" -> Boolean.toString(git.isDefaultBranch());
      case "is_not_default_branch" -> Boolean.toString(!git.isDefaultBranch());
      case "date" -> date(e, now);
      case "commit_date" -> date(e, git.commitDate().orElse(now));
      default -> throw new IllegalStateException(e.name());
    };
  }

  private static String date(Template.Expression e, Instant instant) {
    if (e.args().size() != 1) {
      throw new TemplateException(
          "{{" + e.name() + "}} needs one format, like {{" + e.name() + " 'YYYYMMDD'}}");
    }
    ZoneId zone = ZoneId.of("UTC");
    for (var entry : e.hash().entrySet()) {
      if (!entry.getKey().equals("tz")) {
        throw new TemplateException(
            "unknown " + entry.getKey() + " attribute in {{" + e.name() + "}}");
      }
      try {
        zone = ZoneId.of(entry.getValue());
      } catch (DateTimeException ex) {
        throw new TemplateException("unknown time zone '" + entry.getValue() + "'");
      }
    }
    return MomentFormat.format(e.args().get(0), instant, zone);
  }
}
