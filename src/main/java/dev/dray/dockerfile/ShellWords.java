package dev.dray.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits instruction arguments into words and processes one word the way the Dockerfile shell lexer
 * does: quotes removed, escapes applied and, when asked, {@code $VAR}, {@code ${VAR}}, {@code
 * ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:+alt}} and {@code ${VAR+alt}} expanded.
 */
final class ShellWords {
  private ShellWords() {}

  /** Words separated by unquoted whitespace, quotes and escapes kept as written. */
  static List<String> split(String text, char escape) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == 0 && Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      word.append(c);
      if (c == escape && quote != '\'' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
      } else if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** The word with quotes removed and escapes applied; {@code $} is left alone. */
  static String unquote(String word, char escape) {
    return new Lexer(word, escape, null).word();
  }

  /**
   * The word with quotes removed, escapes applied and variables expanded from {@code vars}; a
   * variable missing from {@code vars} expands to nothing.
   *
   * @throws IllegalArgumentException when a {@code ${} has no closing brace or a modifier is not
   *     supported
   */
  static String expand(String word, char escape, Map<String, String> vars) {
    return new Lexer(word, escape, vars).word();
  }

  /** Whether {@code text} refers to a variable at all. */
  static boolean mentionsVariable(String text) {
    return text.indexOf('$') >= 0;
  }

  private static final class Lexer {
    private final String text;
    private final char escape;
    private final Map<String, String> vars;
    private int pos;

    Lexer(String text, char escape, Map<String, String> vars) {
      this.text = text;
      this.escape = escape;
      this.vars = vars;
    }

    String word() {
      StringBuilder out = new StringBuilder();
      boolean inDouble = false;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == escape && pos + 1 < text.length()) {
          char next = text.charAt(pos + 1);
          if (inDouble && next != '"' && next != escape && next != '$') {
            out.append(c);
          }
          out.append(next);
          pos += 2;
        } else if (c == '\'' && !inDouble) {
          int end = text.indexOf('\'', pos + 1);
          if (end < 0) {
            end = text.length();
          }
          out.append(text, pos + 1, end);
          pos = Math.min(end + 1, text.length());
        } else if (c == '"') {
          inDouble = !inDouble;
          pos++;
        } else if (c == '$' && vars != null) {
          pos++;
          out.append(variable());
        } else {
          out.append(c);
          pos++;
        }
      }
      return out.toString();
    }

    private String variable() {
      if (pos < text.length() && text.charAt(pos) == '{') {
        int close = matchingBrace(pos);
        String inner = text.substring(pos + 1, close);
        pos = close + 1;
        return braced(inner);
      }
      int start = pos;
      while (pos < text.length() && isNameChar(text.charAt(pos), pos == start)) {
        pos++;
      }
      if (start == pos) {
        return "$";
      }
      return vars.getOrDefault(text.substring(start, pos), "");
    }

    private int matchingBrace(int open) {
      int depth = 0;
      for (int i = open; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == escape) {
          i++;
        } else if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          return i;
        }
      }
      throw new IllegalArgumentException("missing '}' in '" + text + "'");
    }

    private String braced(String inner) {
      int nameEnd = 0;
      while (nameEnd < inner.length() && isNameChar(inner.charAt(nameEnd), nameEnd == 0)) {
        nameEnd++;
      }
      if (nameEnd == 0) {
        throw new IllegalArgumentException("bad substitution '${" + inner + "}'");
      }
      String name = inner.substring(0, nameEnd);
      String value = vars.get(name);
      String rest = inner.substring(nameEnd);
      if (rest.isEmpty()) {
        return value == null ? "" : value;
      }
      boolean colon = rest.startsWith(":");
      String op = colon ? rest.substring(1, Math.min(2, rest.length())) : rest.substring(0, 1);
      String alternative = rest.substring(colon ? 2 : 1);
      boolean set = value != null && (!colon || !value.isEmpty());
      return switch (op) {
        case "-" -> set ? value : new Lexer(alternative, escape, vars).word();
        case "+" -> set ? new Lexer(alternative, escape, vars).word() : "";
        default ->
            throw new IllegalArgumentException(
                "unsupported modifier '" + rest + "' in '${" + inner + "}'");
      };
    }

    private static boolean isNameChar(char c, boolean first) {
      return c == '_'
          || (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (!first && c >= '0' && c <= '9');
    }
  }
}
