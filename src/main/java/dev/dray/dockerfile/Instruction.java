package dev.dray.dockerfile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Dockerfile instruction as written: its keyword, its argument text and where it starts.
 *
 * @param keyword the instruction in upper case, such as {@code RUN}
 * @param arguments everything after the keyword, continuation lines joined, comments dropped
 * @param line the 1-based line the instruction starts on
 * @param heredocs the here-documents that follow it, in order
 */
public record Instruction(String keyword, String arguments, int line, List<Heredoc> heredocs) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Instruction {
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(arguments, "arguments");
    heredocs = List.copyOf(heredocs);
  }

  /** The values of every leading {@code --name=value} flag with this name ({@code ""} for none). */
  public List<String> flagValues(String name) {
    List<String> values = new ArrayList<>();
    for (String flag : leadingFlags()) {
      int eq = flag.indexOf('=');
      String flagName = eq < 0 ? flag.substring(2) : flag.substring(2, eq);
      if (flagName.equalsIgnoreCase(name)) {
        values.add(eq < 0 ? "" : stripQuotes(flag.substring(eq + 1)));
      }
    }
    return values;
  }

  /** The value of the leading flag {@code --name=value}, if given. */
  public Optional<String> flag(String name) {
    List<String> values = flagValues(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
  }

  /** The arguments after the leading {@code --flags}. */
  public String argumentsAfterFlags() {
    String rest = arguments.strip();
    while (rest.startsWith("--")) {
      int space = indexOfWhitespace(rest);
      if (space < 0) {
        return "";
      }
      rest = rest.substring(space).strip();
    }
    return rest;
  }

  /**
   * The exec (JSON) form, such as {@code ["python", "-m", "app"]}, when the arguments after the
   * flags are a JSON array of strings; empty for the shell form.
   */
  public Optional<List<String>> execForm() {
    String rest = argumentsAfterFlags();
    if (!rest.startsWith("[")) {
      return Optional.empty();
    }
    try {
      return Optional.of(List.copyOf(JSON.readValue(rest, new TypeReference<List<String>>() {})));
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  private List<String> leadingFlags() {
    List<String> flags = new ArrayList<>();
    for (String word : ShellWords.split(arguments, '\\')) {
      if (!word.startsWith("--") || word.length() == 2) {
        break;
      }
      flags.add(word);
    }
    return flags;
  }

  private static int indexOfWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String stripQuotes(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }
}
