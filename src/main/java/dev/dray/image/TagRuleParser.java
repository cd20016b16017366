package dev.dray.image;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/** Parses tag rule lines into {@link TagRule}s, rejecting anything docker/metadata-action would. */
final class TagRuleParser {
  private static final Set<String> COMMON =
      Set.of("type", "enable", "priority", "prefix", "suffix");
  private static final Map<String, List<String>> KEYS =
      Map.of(
          "schedule", List.of("pattern"),
          "semver", List.of("pattern", "value", "match"),
          "match", List.of("pattern", "group", "value"),
          "edge", List.of("branch"),
          "ref", List.of("event"),
          "raw", List.of("value"),
          "sha", List.of("format"));

  private TagRuleParser() {}

  static TagRule parse(int index, String text) {
    Map<String, String> attrs = attributes(index, text);
    String type = attrs.getOrDefault("type", "raw");
    if (type.equals("pep440")) {
      throw TagRuleException.invalidRule(
          index, text, "type=pep440 is not supported by dray; use type=semver or type=match");
    }
    if (!KEYS.containsKey(type)) {
      throw TagRuleException.invalidRule(
          index,
          text,
          "unknown type '"
              + type
              + "'; expected one of schedule, semver, match, edge, ref, raw, sha");
    }
    for (String key : attrs.keySet()) {
      if (!COMMON.contains(key) && !KEYS.get(type).contains(key)) {
        String what =
            key.equals("value") ? "a value without key" : "unknown attribute '" + key + "'";
        throw TagRuleException.invalidRule(
            index,
            text,
            what + " for type=" + type + "; it takes " + KEYS.get(type) + " and " + COMMON);
      }
    }
    TagSource source = source(index, text, type, attrs);
    int priority = source.defaultPriority();
    if (attrs.containsKey("priority")) {
      try {
        priority = Integer.parseInt(attrs.get("priority"));
      } catch (NumberFormatException e) {
        throw TagRuleException.invalidRule(
            index, text, "priority '" + attrs.get("priority") + "' is not a whole number");
      }
    }
    Optional<String> prefix = Optional.ofNullable(attrs.get("prefix"));
    if (prefix.isEmpty() && source instanceof TagSource.Sha) {
      prefix = Optional.of("sha-");
    }
    if (prefix.isEmpty()
        && source instanceof TagSource.Ref ref
        && ref.event() == TagSource.RefEvent.PR) {
      prefix = Optional.of("pr-");
    }
    return new TagRule(
        index,
        text,
        source,
        attrs.getOrDefault("enable", "true"),
        priority,
        prefix,
        Optional.ofNullable(attrs.get("suffix")));
  }

  private static Map<String, String> attributes(int index, String text) {
    List<String> fields;
    try {
      fields = CsvFields.split(text);
    } catch (IllegalArgumentException e) {
      throw TagRuleException.invalidRule(index, text, e.getMessage());
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    for (String field : fields) {
      int eq = field.indexOf('=');
      String key = eq > 0 ? field.substring(0, eq).strip().toLowerCase(Locale.ROOT) : "value";
      String value = (eq > 0 ? field.substring(eq + 1) : field).strip();
      if (key.isEmpty()) {
        throw TagRuleException.invalidRule(index, text, "an attribute has no name before '='");
      }
      if (attrs.put(key, value) != null) {
        throw TagRuleException.invalidRule(index, text, "attribute '" + key + "' is given twice");
      }
    }
    return attrs;
  }

  private static TagSource source(int index, String text, String type, Map<String, String> attrs) {
    return switch (type) {
      case "schedule" -> new TagSource.Schedule(attrs.getOrDefault("pattern", "nightly"));
      case "semver" ->
          new TagSource.Semver(
              required(index, text, attrs, "pattern", "type=semver,pattern={{version}}"),
              attrs.getOrDefault("value", ""),
              regex(index, text, attrs.getOrDefault("match", "")));
      case "match" -> match(index, text, attrs);
      case "edge" -> new TagSource.Edge(attrs.getOrDefault("branch", ""));
      case "ref" -> new TagSource.Ref(event(index, text, attrs));
      case "raw" ->
          new TagSource.Raw(required(index, text, attrs, "value", "type=raw,value=latest"));
      case "sha" -> {
        String format = attrs.getOrDefault("format", "short");
        if (!format.equals("short") && !format.equals("long")) {
          throw TagRuleException.invalidRule(
              index, text, "format '" + format + "' is neither short nor long");
        }
        yield new TagSource.Sha(format.equals("long"));
      }
      default -> throw new IllegalStateException(type);
    };
  }

  private static TagSource.Match match(int index, String text, Map<String, String> attrs) {
    String pattern = required(index, text, attrs, "pattern", "type=match,pattern=v(.*),group=1");
    MatchPattern.compile(pattern, message -> TagRuleException.invalidRule(index, text, message));
    String group = attrs.getOrDefault("group", "0");
    if (!group.matches("\\d{1,3}")) {
      throw TagRuleException.invalidRule(
          index, text, "group '" + group + "' is not a group number");
    }
    return new TagSource.Match(pattern, Integer.parseInt(group), attrs.getOrDefault("value", ""));
  }

  private static TagSource.RefEvent event(int index, String text, Map<String, String> attrs) {
    String event = required(index, text, attrs, "event", "type=ref,event=branch");
    for (TagSource.RefEvent e : TagSource.RefEvent.values()) {
      if (e.attribute().equals(event)) {
        return e;
      }
    }
    throw TagRuleException.invalidRule(
        index, text, "event '" + event + "' is not one of branch, tag, pr");
  }

  private static String regex(int index, String text, String regex) {
    if (!regex.isEmpty()) {
      try {
        java.util.regex.Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw TagRuleException.invalidRule(
            index,
            text,
            "match '" + regex + "' is not a regular expression: " + e.getDescription());
      }
    }
    return regex;
  }

  private static String required(
      int index, String text, Map<String, String> attrs, String key, String example) {
    String value = attrs.get(key);
    if (value == null) {
      throw TagRuleException.invalidRule(
          index, text, "missing the " + key + " attribute (e.g. " + example + ")");
    }
    return value;
  }
}
