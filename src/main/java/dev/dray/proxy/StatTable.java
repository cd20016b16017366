package dev.dray.proxy;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the CSV answer of {@code show stat}: a {@code # pxname,svname,…} header, then one row per
 * proxy or server. Fields holding a comma are double-quoted; a check status starting with {@code *
 * } means a check is under way.
 */
final class StatTable {
  private StatTable() {}

  /** The server rows (not {@code FRONTEND} or {@code BACKEND}) of {@code backend}. */
  static List<ServerStats> servers(String answer, String backend) {
    List<String> lines = answer.lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
      throw new ProxyCommandException(
          "show stat",
          "not a CSV statistics dump: " + (lines.isEmpty() ? "(empty)" : lines.get(0)));
    }
    List<String> header = csv(lines.get(0).substring(2));
    List<ServerStats> servers = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> row = csv(line);
      String proxy = get(header, row, "pxname");
      String name = get(header, row, "svname");
      if (!proxy.equals(backend) || name.equals("FRONTEND") || name.equals("BACKEND")) {
        continue;
      }
      String scur = get(header, row, "scur");
      String checkStatus = get(header, row, "check_status");
      servers.add(
          new ServerStats(
              name,
              scur.isEmpty() ? 0 : Integer.parseInt(scur),
              get(header, row, "status"),
              checkStatus.startsWith("* ") ? checkStatus.substring(2) : checkStatus,
              checkStatus.startsWith("* "),
              get(header, row, "check_code"),
              get(header, row, "check_desc"),
              get(header, row, "last_chk")));
    }
    return servers;
  }

  private static String get(List<String> header, List<String> row, String column) {
    int index = header.indexOf(column);
    return index >= 0 && index < row.size() ? row.get(index) : "";
  }

  /** One CSV line split into fields, double quotes removed ({@code ""} inside a quoted field). */
  static List<String> csv(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
