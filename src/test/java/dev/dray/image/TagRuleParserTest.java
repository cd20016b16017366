package dev.dray.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagRuleParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          type=schedule                          | schedule | 1000
          type=semver,pattern={{version}}        | semver   | 900
          type=match,pattern=\\d.\\d.\\d,group=0 | match    | 800
          type=edge,branch=main                  | edge     | 700
          type=ref,event=branch                  | ref      | 600
          type=raw,value=latest                  | raw      | 200
          type=sha                               | sha      | 100
          latest                                 | raw      | 200
          type=raw,foo                           | raw      | 200
          type=sha,priority=-5                   | sha      | -5
          """)
  void parsesTypesWithDefaultPriorities(String text, String type, int priority) {
    TagRule rule = TagRule.parse(1, text);
    assertThat(rule.source().type()).isEqualTo(type);
    assertThat(rule.priority()).isEqualTo(priority);
    assertThat(rule.text()).isEqualTo(text);
  }

  @Test
  void parsesTypeSpecificAttributes() {
    assertThat(TagRule.parse(1, "type=schedule").source())
        .isEqualTo(new TagSource.Schedule("nightly"));
    assertThat(TagRule.parse(1, "type=match,pattern=v(.*),group=1,value=v1.0.0").source())
        .isEqualTo(new TagSource.Match("v(.*)", 1, "v1.0.0"));
    assertThat(TagRule.parse(1, "type=sha,format=long").source())
        .isEqualTo(new TagSource.Sha(true));
    assertThat(TagRule.parse(1, "type=ref,event=pr").source())
        .isEqualTo(new TagSource.Ref(TagSource.RefEvent.PR));
    assertThat(TagRule.parse(1, "TYPE = raw , Value = a b ").source())
        .isEqualTo(new TagSource.Raw("a b"));
  }

  @Test
  void implicitPrefixesForShaAndPullRequests() {
    assertThat(TagRule.parse(1, "type=sha").prefix()).contains("sha-");
    assertThat(TagRule.parse(1, "type=ref,event=pr").prefix()).contains("pr-");
    assertThat(TagRule.parse(1, "type=ref,event=branch").prefix()).isEmpty();
    assertThat(TagRule.parse(1, "type=sha,prefix=").prefix()).isEqualTo(Optional.of(""));
  }

  @Test
  void quotedFieldsMayContainCommas() {
    assertThat(TagRule.parse(1, "type=match,\"pattern=\\d{1,3}\"").source())
        .isEqualTo(new TagSource.Match("\\d{1,3}", 0, ""));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          type=nope                           | unknown type 'nope'
          type=pep440,pattern={{version}}     | type=pep440 is not supported
          type=semver                         | missing the pattern attribute
          type=match                          | missing the pattern attribute
          type=ref                            | missing the event attribute
          type=ref,event=push                 | event 'push' is not one of branch, tag, pr
          type=raw                            | missing the value attribute
          type=sha,format=medium              | format 'medium' is neither short nor long
          type=sha,foo=bar                    | unknown attribute 'foo' for type=sha
          type=sha,abc                        | a value without key for type=sha
          type=raw,value=a,value=b            | attribute 'value' is given twice
          type=raw,value=a,priority=high      | priority 'high' is not a whole number
          type=match,pattern=v(,group=1       | is not a regular expression
          type=match,pattern=v(.*),group=x    | group 'x' is not a group number
          type=semver,pattern=x,match=(        | match '(' is not a regular expression
          type=raw,"value=a                   | a quoted field is not closed
          type=raw, =a                        | an attribute has no name before '='
          """)
  void rejectsInvalidRulesWithIndexTextAndReason(String text, String problem) {
    assertThatThrownBy(() -> TagRule.parse(3, text))
        .isInstanceOfSatisfying(
            TagRuleException.class,
            e -> {
              assertThat(e.getMessage()).startsWith("tag rule 3 '" + text + "': ");
              assertThat(e.problem()).contains(problem);
              assertThat(e.index()).isEqualTo(3);
              assertThat(e.hint()).isPresent();
            });
  }

  @Test
  void listParsingSkipsBlankAndCommentLinesButKeepsLineNumbers() {
    List<TagRule> rules = TagRules.parse(List.of("# comment", "", "type=sha"));
    assertThat(rules).singleElement().extracting(TagRule::index).isEqualTo(3);
    assertThatThrownBy(() -> TagRules.parse(List.of("type=sha", "", "type=bad")))
        .hasMessageStartingWith("tag rule 3 'type=bad'");
  }

  @Test
  void defaultRulesParse() {
    assertThat(TagRules.defaults()).hasSize(TagRules.DEFAULT_LINES.size());
  }
}
