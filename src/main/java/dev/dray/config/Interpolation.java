package dev.dray.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replaces variables in a Compose value as Compose does: {@code $VAR}, {@code ${VAR}}, {@code
 * ${VAR:-default}} (unset or empty), {@code ${VAR-default}} (unset), {@code ${VAR:?message}} and
 * {@code ${VAR?message}} (an error when unset or empty / unset), {@code ${VAR:+other}} and {@code
 * ${VAR+other}} (other when set and non-empty / set), {@code $$} for a literal {@code $}. Defaults
 * may hold further variables. An unset variable without a default becomes the empty string.
 */
final class Interpolation {
  /**
   * The value with variables replaced, and the unset variables that became empty strings.
   *
   * @param value the replaced text
   * @param unset names of variables that were used without a value or default, in order
   */
  record Result(String value, List<String> unset) {
    Result {
      unset = List.copyOf(unset);
    }
  }

  /**
   * A value that cannot be interpolated, with the 0-based offset in the text where it went wrong.
   */
  static final class InterpolationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    InterpolationException(int offset, String message) {
      super(message);
      this.offset = offset;
    }

    int offset() {
      return offset;
    }
  }

  private final String text;
  private final Map<String, String> vars;
  private final List<String> unset = new ArrayList<>();
  private int at;

  private Interpolation(String text, Map<String, String> vars) {
    this.text = text;
    this.vars = vars;
  }

  /**
   * Interpolates {@code text} with {@code vars}.
   *
   * @throws InterpolationException when the text is malformed or a required variable is unset
   */
  static Result apply(String text, Map<String, String> vars) {
    Interpolation i = new Interpolation(text, vars);
    String value = i.sequence(false, true);
    return new Result(value, i.unset);
  }

  /** Reads text up to the end, or up to an unmatched {@code &#125;} when {@code nested}. */
  private String sequence(boolean nested, boolean evaluate) {
    StringBuilder out = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at);
      if (nested && c == '}') {
        return out.toString();
      }
      if (c != '$') {
        out.append(c);
        at++;
        continue;
      }
      int start = at;
      if (at + 1 >= text.length()) {
        throw new InterpolationException(start, "a lone $ at the end; write $$ for a literal $");
      }
      char next = text.charAt(at + 1);
      if (next == '$') {
        out.append('$');
        at += 2;
      } else if (next == '{') {
        at += 2;
        out.append(braced(start, evaluate));
      } else if (isNameStart(next)) {
        at++;
        String name = name();
        out.append(evaluate ? lookup(name) : "");
      } else {
        throw new InterpolationException(
            start, "invalid variable '$" + next + "'; write $$ for a literal $");
      }
    }
    if (nested) {
      throw new InterpolationException(text.length(), "unclosed ${; add a closing }");
    }
    return out.toString();
  }

  private String braced(int start, boolean evaluate) {
    if (at >= text.length() || !isNameStart(text.charAt(at))) {
      throw new InterpolationException(
          start, "expected a variable name after ${ (letters, digits and _)");
    }
    String name = name();
    if (at >= text.length()) {
      throw new InterpolationException(start, "unclosed ${" + name + "; add a closing }");
    }
    if (text.charAt(at) == '}') {
      at++;
      return evaluate ? lookup(name) : "";
    }
    String op = operator();
    if (op == null) {
      throw new InterpolationException(
          at,
          "unexpected '"
              + text.charAt(at)
              + "' in ${"
              + name
              + "…}; expected }, :-, -, :?, ?, :+ or +");
    }
    String value = vars.get(name);
    boolean set = value != null;
    boolean nonEmpty = set && !value.isEmpty();
    boolean useArg =
        switch (op) {
          case ":-", ":?" -> !nonEmpty;
          case "-", "?" -> !set;
          case ":+" -> nonEmpty;
          default -> set; // "+"
        };
    String arg = sequence(true, evaluate && useArg);
    at++; // the closing brace
    if (!evaluate) {
      return "";
    }
    return switch (op) {
      case ":-", "-" -> useArg ? arg : value;
      case ":?", "?" -> {
        if (useArg) {
          throw new InterpolationException(
              start,
              "required variable "
                  + name
                  + " is "
                  + (set ? "empty" : "not set")
                  + (arg.isEmpty() ? "" : ": " + arg));
        }
        yield value;
      }
      default -> useArg ? arg : "";
    };
  }

  private String operator() {
    for (String op : List.of(":-", ":?", ":+", "-", "?", "+")) {
      if (text.startsWith(op, at)) {
        at += op.length();
        return op;
      }
    }
    return null;
  }

  private String name() {
    int start = at;
    while (at < text.length()
        && (isNameStart(text.charAt(at)) || Character.isDigit(text.charAt(at)))) {
      at++;
    }
    return text.substring(start, at);
  }

  private String lookup(String name) {
    String value = vars.get(name);
    if (value == null) {
      if (!unset.contains(name)) {
        unset.add(name);
      }
      return "";
    }
    return value;
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
