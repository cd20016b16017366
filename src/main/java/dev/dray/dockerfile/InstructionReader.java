package dev.dray.dockerfile;

import dev.dray.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Dockerfile text into its parser directives and a flat list of instructions: comments
 * dropped, continuation lines joined, here-documents attached, keywords checked.
 */
final class InstructionReader {
  static final List<String> KEYWORDS =
      List.of(
          "FROM",
          "RUN",
          "CMD",
          "LABEL",
          "MAINTAINER",
          "EXPOSE",
          "ENV",
          "ADD",
          "COPY",
          "ENTRYPOINT",
          "VOLUME",
          "USER",
          "WORKDIR",
          "ARG",
          "ONBUILD",
          "STOPSIGNAL",
          "HEALTHCHECK",
          "SHELL");

  private static final Set<String> HEREDOC_KEYWORDS = Set.of("RUN", "COPY", "ADD");
  private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
  private static final Pattern DIRECTIVE =
      Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
  private static final Pattern HEREDOC = Pattern.compile("^\\d*<<(-?)\\s*(['\"]?)([^<'\"]+)\\2$");

  /** What the reader found: the directives and every instruction, global ones included. */
  record Result(ParserDirectives directives, List<Instruction> instructions) {}

  private final String file;
  private final String[] lines;
  private int next;

  private InstructionReader(String file, String content) {
    this.file = file;
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    this.lines = text.split("\r?\n", -1);
  }

  static Result read(String file, String content) {
    return new InstructionReader(file, content).read();
  }

  private Result read() {
    ParserDirectives directives = readDirectives();
    char escape = directives.escape();
    List<Instruction> instructions = new ArrayList<>();
    while (next < lines.length) {
      int start = next + 1;
      String first = lines[next++];
      String trimmed = first.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String logical = joinContinuations(first.stripLeading(), escape);
      String[] parts = logical.strip().split("\\s+", 2);
      String keyword = parts[0].toUpperCase(Locale.ROOT);
      String arguments = parts.length > 1 ? parts[1].strip() : "";
      if (!KEYWORDS.contains(keyword)) {
        throw unknownInstruction(parts[0], start);
      }
      List<Heredoc> heredocs =
          HEREDOC_KEYWORDS.contains(keyword) ? readHeredocs(arguments, escape, start) : List.of();
      instructions.add(new Instruction(keyword, arguments, start, heredocs));
    }
    return new Result(directives, instructions);
  }

  private ParserDirectives readDirectives() {
    Optional<String> syntax = Optional.empty();
    char escape = '\\';
    Set<String> seen = new HashSet<>();
    while (next < lines.length) {
      Matcher m = DIRECTIVE.matcher(lines[next]);
      if (!m.matches()) {
        break;
      }
      String name = m.group(1).toLowerCase(Locale.ROOT);
      if (!DIRECTIVES.contains(name)) {
        break;
      }
      if (!seen.add(name)) {
        throw new DockerfileException(
            file,
            next + 1,
            "parser directive '" + name + "' is given twice",
            "keep one '# " + name + "=' line at the top of the Dockerfile");
      }
      String value = m.group(2);
      if (name.equals("syntax")) {
        syntax = Optional.of(value);
      } else if (name.equals("escape")) {
        if (!value.equals("\\") && !value.equals("`")) {
          throw new DockerfileException(
              file,
              next + 1,
              "invalid escape character '" + value + "'",
              "the escape directive takes \\ or `, as in '# escape=`'");
        }
        escape = value.charAt(0);
      }
      next++;
    }
    return new ParserDirectives(syntax, escape);
  }

  /** The logical line starting with {@code first}: continuations joined, comments skipped. */
  private String joinContinuations(String first, char escape) {
    StringBuilder logical = new StringBuilder();
    String current = first;
    while (true) {
      String withoutEscape = stripContinuation(current, escape);
      if (withoutEscape == null) {
        logical.append(current);
        return logical.toString();
      }
      logical.append(withoutEscape);
      String following = nextContentLine();
      if (following == null) {
        return logical.toString();
      }
      current = following;
    }
  }

  /** The next line that is neither empty nor a comment, or null at the end of the file. */
  private String nextContentLine() {
    while (next < lines.length) {
      String line = lines[next++];
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        return line;
      }
    }
    return null;
  }

  /** The line without its trailing escape character, or null when it does not continue. */
  private static String stripContinuation(String line, char escape) {
    String trimmed = line.stripTrailing();
    if (!trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == escape) {
      return trimmed.substring(0, trimmed.length() - 1);
    }
    return null;
  }

  private List<Heredoc> readHeredocs(String arguments, char escape, int instructionLine) {
    if (arguments.startsWith("[")) {
      return List.of();
    }
    List<Heredoc> heredocs = new ArrayList<>();
    for (String word : ShellWords.split(arguments, escape)) {
      Matcher m = HEREDOC.matcher(word);
      if (!m.matches()) {
        continue;
      }
      boolean stripTabs = !m.group(1).isEmpty();
      boolean expand = m.group(2).isEmpty();
      String name = m.group(3);
      heredocs.add(readHeredocBody(name, stripTabs, expand, instructionLine));
    }
    return heredocs;
  }

  private Heredoc readHeredocBody(
      String name, boolean stripTabs, boolean expand, int instructionLine) {
    int firstLine = next + 1;
    StringBuilder content = new StringBuilder();
    while (next < lines.length) {
      String line = lines[next++];
      String compared = stripTabs ? line.replaceFirst("^\t+", "") : line;
      if (compared.equals(name)) {
        return new Heredoc(name, content.toString(), expand, firstLine);
      }
      content.append(compared).append('\n');
    }
    throw new DockerfileException(
        file,
        instructionLine,
        "unterminated heredoc <<" + name + ": no line '" + name + "' before the end of the file",
        "end the here-document with a line containing only '" + name + "'");
  }

  private DockerfileException unknownInstruction(String word, int line) {
    String upper = word.toUpperCase(Locale.ROOT);
    Optional<String> closest = Suggestions.closest(upper, KEYWORDS);
    String hint =
        closest
            .map(k -> "did you mean '" + k + "'? ")
            .orElse("")
            .concat("instructions are " + String.join(", ", KEYWORDS));
    return new DockerfileException(file, line, "unknown instruction '" + word + "'", hint);
  }
}
