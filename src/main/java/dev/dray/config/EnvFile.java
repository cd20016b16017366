package dev.dray.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads env files ({@code env_file} entries and the {@code .env} beside a Compose file): {@code
 * KEY=VALUE} lines, {@code #} comment lines and blank lines, an optional {@code export} prefix,
 * values in single quotes taken as is, in double quotes with {@code \n \t \" \\} escapes, unquoted
 * values trimmed and cut at {@code " #"}. Values are not interpolated.
 */
final class EnvFile {
  static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  /** What a line could not be read as, at a 1-based line and column. */
  record Error(int line, int column, String message) {}

  /** The variables read, in file order (a later line wins), and the lines that could not be. */
  record Parsed(Map<String, String> values, List<Error> errors) {
    Parsed {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
      errors = List.copyOf(errors);
    }
  }

  private EnvFile() {}

  /**
   * Reads the env files named at {@code entries} (paths relative to the directory of the file they
   * are written in) and merges them, a later file winning. A missing or unreadable file is a
   * problem at its entry; an unreadable line is a problem in the env file, which never repeats the
   * line (it may hold a password).
   */
  static Map<String, String> readAll(List<ConfigNode> entries) {
    Map<String, String> merged = new LinkedHashMap<>();
    for (ConfigNode entry : entries) {
      merged.putAll(read(entry, entry.baseDir().resolve(entry.text("")).normalize()));
    }
    return merged;
  }

  /** Reads {@code file}, which {@code entry} names; problems as in {@link #readAll}. */
  static Map<String, String> read(ConfigNode entry, Path file) {
    if (!Files.isRegularFile(file)) {
      entry.problem((Files.exists(file) ? "not a file: " : "file not found: ") + file);
      return Map.of();
    }
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      entry.problem("cannot read " + file + ": " + e.getMessage());
      return Map.of();
    }
    Parsed parsed = parse(content);
    for (Error e : parsed.errors()) {
      entry.problemIn(file, new Position(e.line(), e.column()), e.message());
    }
    return parsed.values();
  }

  static Parsed parse(String content) {
    Map<String, String> values = new LinkedHashMap<>();
    List<Error> errors = new ArrayList<>();
    List<String> lines = content.lines().toList();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int indent = line.indexOf(trimmed.charAt(0));
      String body = trimmed.startsWith("export ") ? trimmed.substring(7).stripLeading() : trimmed;
      int bodyColumn = indent + (trimmed.length() - body.length()) + 1;
      int eq = body.indexOf('=');
      String key = (eq < 0 ? body : body.substring(0, eq)).strip();
      if (eq < 0 || !KEY.matcher(key).matches()) {
        errors.add(
            new Error(
                n + 1,
                bodyColumn,
                eq < 0
                    ? "expected KEY=VALUE"
                    : "expected KEY=VALUE with a KEY of letters, digits and _ (not starting with a"
                        + " digit)"));
        continue;
      }
      String raw = body.substring(eq + 1).strip();
      int valueColumn =
          bodyColumn
              + eq
              + 1
              + (body.substring(eq + 1).length() - body.substring(eq + 1).stripLeading().length());
      try {
        values.put(key, value(raw));
      } catch (IllegalArgumentException e) {
        errors.add(new Error(n + 1, valueColumn, e.getMessage()));
      }
    }
    return new Parsed(values, errors);
  }

  private static String value(String raw) {
    if (raw.startsWith("'") || raw.startsWith("\"")) {
      char quote = raw.charAt(0);
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == quote) {
          String rest = raw.substring(i + 1).strip();
          if (!rest.isEmpty() && !rest.startsWith("#")) {
            throw new IllegalArgumentException("unexpected text after the closing quote");
          }
          return out.toString();
        }
        if (quote == '"' && c == '\\' && i + 1 < raw.length()) {
          char next = raw.charAt(++i);
          out.append(
              switch (next) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                default -> next;
              });
        } else {
          out.append(c);
        }
      }
      throw new IllegalArgumentException(
          "unclosed " + (quote == '"' ? "double" : "single") + " quote; values are one line");
    }
    int comment = raw.indexOf(" #");
    return (comment < 0 ? raw : raw.substring(0, comment)).strip();
  }
}
