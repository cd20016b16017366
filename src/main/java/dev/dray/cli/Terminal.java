package dev.dray.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * What the output is attached to: whether it is an interactive terminal (live progress) and whether
 * to use colour ({@code NO_COLOR}, {@code TERM=dumb} and non-terminals get none).
 */
record Terminal(boolean interactive, boolean color) {

  /** Detects the terminal of this process from the console and the environment. */
  static Terminal detect(Map<String, String> env) {
    boolean tty = isTerminal(System.console()) && !"dumb".equals(env.get("TERM"));
    boolean color = tty && !env.containsKey("NO_COLOR") && !"true".equals(env.get("CI"));
    return new Terminal(tty, color);
  }

  /** Plain output, as for a log file. */
  static Terminal plain() {
    return new Terminal(false, false);
  }

  private static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try { // Java 22+: a console exists even when redirected; ask whether it is a terminal.
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  String bold(String s) {
    return wrap("1", s);
  }

  String dim(String s) {
    return wrap("2", s);
  }

  String green(String s) {
    return wrap("32", s);
  }

  String red(String s) {
    return wrap("31", s);
  }

  String yellow(String s) {
    return wrap("33", s);
  }

  String cyan(String s) {
    return wrap("36", s);
  }

  private String wrap(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
