package dev.dray.proxy;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the answer of {@code show servers state} (format version 1): a version line, a {@code #}
 * header naming the columns, then one space-separated line per server.
 */
final class ServersStateTable {
  private ServersStateTable() {}

  static List<RuntimeServer> parse(String answer) {
    List<String> lines = answer.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty() || !lines.get(0).equals("1")) {
      throw new ProxyCommandException(
          "show servers state", "not a version 1 server state dump: " + firstLine(answer));
    }
    List<String> header = null;
    List<RuntimeServer> servers = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith("#")) {
        if (header == null) {
          header = List.of(line.substring(1).strip().split("\\s+"));
        }
        continue;
      }
      if (header == null) {
        throw new ProxyCommandException("show servers state", "no header before: " + line);
      }
      servers.add(server(header, List.of(line.split("\\s+")), line));
    }
    return servers;
  }

  private static RuntimeServer server(List<String> header, List<String> fields, String line) {
    try {
      String addr = field(header, fields, "srv_addr");
      String fqdn = field(header, fields, "srv_fqdn");
      String host = addr.equals("-") && !fqdn.equals("-") ? fqdn : addr;
      if (host.contains(":")) {
        host = "[" + host + "]";
      }
      return new RuntimeServer(
          field(header, fields, "be_name"),
          field(header, fields, "srv_name"),
          host + ":" + field(header, fields, "srv_port"),
          Integer.parseInt(field(header, fields, "srv_op_state")),
          Integer.parseInt(field(header, fields, "srv_admin_state")),
          Integer.parseInt(field(header, fields, "srv_check_result")),
          Integer.parseInt(field(header, fields, "srv_check_health")));
    } catch (RuntimeException e) {
      throw new ProxyCommandException(
          "show servers state", "unreadable server line (" + e.getMessage() + "): " + line);
    }
  }

  private static String field(List<String> header, List<String> fields, String name) {
    int index = header.indexOf(name);
    if (index < 0 || index >= fields.size()) {
      throw new IllegalArgumentException("no column " + name);
    }
    return fields.get(index);
  }

  private static String firstLine(String answer) {
    return answer.lines().findFirst().orElse("(empty answer)");
  }
}
