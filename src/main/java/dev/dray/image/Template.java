package dev.dray.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders text with Handlebars-style {@code {{expression}}} placeholders, the syntax of
 * docker/metadata-action's rule attributes: {@code {{branch}}}, {@code {{date 'YYYYMMDD'
 * tz='Asia/Tokyo'}}}.
 *
 * <p>An expression is a name, then optional quoted arguments, then optional {@code key='value'}
 * pairs. Text outside placeholders is copied as is. Which names exist is up to the caller.
 */
final class Template {
  private Template() {}

  /** One placeholder: its name, positional arguments and named arguments. */
  record Expression(String name, List<String> args, Map<String, String> hash) {}

  /**
   * Replaces each placeholder in {@code text} by what {@code values} returns for it.
   *
   * @throws TemplateException when a placeholder is malformed or {@code values} rejects it
   */
  static String render(String text, Function<Expression, String> values) {
    StringBuilder out = new StringBuilder();
    int pos = 0;
    while (true) {
      int open = text.indexOf("{{", pos);
      if (open < 0) {
        out.append(text, pos, text.length());
        return out.toString();
      }
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        throw new TemplateException("'{{' at position " + (open + 1) + " is never closed by '}}'");
      }
      out.append(text, pos, open);
      out.append(values.apply(parse(text.substring(open + 2, close))));
      pos = close + 2;
    }
  }

  /** Whether {@code text} is exactly one placeholder named {@code name}, like {@code {{raw}}}. */
  static boolean isSingle(String text, String name) {
    String t = text.strip();
    if (!t.startsWith("{{") || !t.endsWith("}}") || t.indexOf("{{", 2) >= 0) {
      return false;
    }
    try {
      Expression e = parse(t.substring(2, t.length() - 2));
      return e.name().equals(name) && e.args().isEmpty() && e.hash().isEmpty();
    } catch (TemplateException e) {
      return false;
    }
  }

  static Expression parse(String body) {
    List<String> tokens = tokens(body);
    if (tokens.isEmpty() || isQuoted(tokens.get(0)) || tokens.get(0).contains("=")) {
      throw new TemplateException("'{{" + body + "}}' has no expression name");
    }
    String name = tokens.get(0);
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new TemplateException("'{{" + body + "}}': '" + name + "' is not an expression name");
    }
    List<String> args = new ArrayList<>();
    Map<String, String> hash = new LinkedHashMap<>();
    for (String token : tokens.subList(1, tokens.size())) {
      int eq = token.indexOf('=');
      if (isQuoted(token)) {
        if (!hash.isEmpty()) {
          throw new TemplateException("'{{" + body + "}}': arguments must come before key=value");
        }
        args.add(token.substring(1, token.length() - 1));
      } else if (eq > 0 && isQuoted(token.substring(eq + 1))) {
        String value = token.substring(eq + 1);
        hash.put(token.substring(0, eq), value.substring(1, value.length() - 1));
      } else {
        throw new TemplateException(
            "'{{" + body + "}}': '" + token + "' must be a quoted 'text' or key='text'");
      }
    }
    return new Expression(name, List.copyOf(args), Map.copyOf(hash));
  }

  private static List<String> tokens(String body) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      if (Character.isWhitespace(body.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < body.length() && !Character.isWhitespace(body.charAt(i))) {
        char c = body.charAt(i);
        if (c == '\'' || c == '"') {
          int end = body.indexOf(c, i + 1);
          if (end < 0) {
            throw new TemplateException("'{{" + body + "}}' has an unclosed quote");
          }
          i = end + 1;
        } else {
          i++;
        }
      }
      tokens.add(body.substring(start, i));
    }
    return tokens;
  }

  private static boolean isQuoted(String token) {
    return token.length() >= 2
        && (token.charAt(0) == '\'' || token.charAt(0) == '"')
        && token.charAt(token.length() - 1) == token.charAt(0);
  }
}
