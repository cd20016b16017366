package dev.dray.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command written as one string into words the way Compose does (no shell runs it):
 * whitespace separates words, single quotes keep text as is, double quotes keep text but let {@code
 * \"} and {@code \\} escape, a backslash outside quotes escapes the next character.
 */
final class CommandWords {
  private CommandWords() {}

  /**
   * The words of {@code command}.
   *
   * @throws IllegalArgumentException saying what is unbalanced
   */
  static List<String> split(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\'
            && i + 1 < command.length()
            && (command.charAt(i + 1) == '"' || command.charAt(i + 1) == '\\')) {
          word.append(command.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        inWord = true;
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '\\') {
          if (i + 1 == command.length()) {
            throw new IllegalArgumentException("the command ends with a lone backslash");
          }
          word.append(command.charAt(++i));
        } else {
          word.append(c);
        }
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException(
          "the command has an unclosed " + (quote == '"' ? "double" : "single") + " quote");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return List.copyOf(words);
  }
}
