package dev.dray.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {

  @Test
  void parsesNameArgumentsAndHash() {
    assertThat(Template.parse(" date 'YYYY MM' tz=\"Asia/Tokyo\" "))
        .isEqualTo(new Template.Expression("date", List.of("YYYY MM"), Map.of("tz", "Asia/Tokyo")));
  }

  @Test
  void rendersPlaceholdersAndKeepsOtherText() {
    assertThat(Template.render("a-{{x}}-{{ y }}-b", e -> e.name().toUpperCase()))
        .isEqualTo("a-X-Y-b");
    assertThat(Template.render("no placeholders", e -> "?")).isEqualTo("no placeholders");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          a{{b          | is never closed
          {{}}          | has no expression name
          {{'x'}}       | has no expression name
          {{a 'x}}      | unclosed quote
          {{a b}}       | must be a quoted 'text' or key='text'
          {{a k='v' 'x'}} | arguments must come before key=value
          {{a-b}}       | is not an expression name
          """)
  void rejectsMalformedPlaceholders(String text, String problem) {
    assertThatThrownBy(() -> Template.render(text, e -> ""))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void recognisesASingleRawPlaceholder() {
    assertThat(Template.isSingle("{{raw}}", "raw")).isTrue();
    assertThat(Template.isSingle(" {{ raw }} ", "raw")).isTrue();
    assertThat(Template.isSingle("v{{raw}}", "raw")).isFalse();
    assertThat(Template.isSingle("{{raw}}{{raw}}", "raw")).isFalse();
    assertThat(Template.isSingle("{{version}}", "raw")).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          YYYYMMDD                       | 20200110
          YYYY-MM-DDTHH:mm:ss.SSS[Z]     | 2020-01-10T15:25:50.123Z
          dddd, MMMM Do YYYY, h:mm:ss a  | Friday, January 10th 2020, 3:25:50 pm
          YY Q M D H DDDD ddd MMM A      | 20 1 1 10 15 010 Fri Jan PM
          X x                            | 1578669950 1578669950123
          ZZ Z [YYYY]                    | +0000 +00:00 YYYY
          """)
  void formatsMomentPatterns(String pattern, String expected) {
    Instant instant = Instant.parse("2020-01-10T15:25:50.123Z");
    assertThat(MomentFormat.format(pattern, instant, ZoneId.of("UTC"))).isEqualTo(expected);
  }

  @Test
  void formatsInATimeZone() {
    Instant instant = Instant.parse("2020-01-10T00:30:00Z");
    assertThat(MomentFormat.format("YYYYMMDD-HHmmss Z", instant, ZoneId.of("Asia/Tokyo")))
        .isEqualTo("20200110-093000 +09:00");
  }

  @Test
  void commitDateFallsBackToNow() {
    GitContext git = GitContext.of("push", "refs/heads/main", Builds.SHA, "main");
    GlobalExpressions now = new GlobalExpressions(git, Builds.NOW);
    assertThat(now.render("{{commit_date 'YYYY-MM-DD'}}")).isEqualTo("2020-01-10");
    GitContext dated =
        new GitContext(
            "push",
            "refs/heads/main",
            Builds.SHA,
            "main",
            Optional.of(Instant.parse("2019-12-31T23:00:00Z")),
            "",
            "",
            "");
    assertThat(new GlobalExpressions(dated, Builds.NOW).render("{{commit_date 'YYYY-MM-DD'}}"))
        .isEqualTo("2019-12-31");
  }

  @Test
  void dateExpressionsValidateTheirArguments() {
    GlobalExpressions e =
        new GlobalExpressions(
            GitContext.of("push", "refs/heads/main", Builds.SHA, "main"), Builds.NOW);
    assertThatThrownBy(() -> e.render("{{date}}")).hasMessageContaining("needs one format");
    assertThatThrownBy(() -> e.render("{{date 'YYYY' zone='UTC'}}"))
        .hasMessageContaining("unknown zone attribute");
    assertThatThrownBy(() -> e.render("{{date 'YYYY' tz='Mars/Base'}}"))
        .hasMessageContaining("unknown time zone 'Mars/Base'");
    assertThatThrownBy(() -> e.render("{{sha 'x'}}")).hasMessageContaining("takes no arguments");
    assertThatThrownBy(() -> e.datesOnly().render("{{branch}}"))
        .hasMessageContaining("available here: [{{date}}, {{commit_date}}]");
  }
}
