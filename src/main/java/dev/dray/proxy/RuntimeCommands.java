package dev.dray.proxy;

import java.util.List;
import java.util.Set;

/**
 * The runtime API command lines the proxy sends, as plain strings (so each can be checked by string
 * equality), and how their answers are judged.
 */
final class RuntimeCommands {
  /** Answers of commands that succeeded; any other non-empty answer line is an error. */
  private static final Set<String> SUCCESS = Set.of("New server registered.", "Server deleted.");

  private RuntimeCommands() {}

  static String addServer(String backend, Upstream upstream, ServerOptions options) {
    return "add server "
        + Names.require("backend name", backend)
        + "/"
        + options.serverArguments(upstream);
  }

  static String enableHealth(String backend, String server) {
    return "enable health " + target(backend, server);
  }

  static String setState(String backend, String server, String state) {
    return "set server " + target(backend, server) + " state " + state;
  }

  static String delServer(String backend, String server) {
    return "del server " + target(backend, server);
  }

  static String showServersState(String backend) {
    return "show servers state " + Names.require("backend name", backend);
  }

  /** The CSV statistics of {@code backend}'s servers only (type 4, every server id). */
  static String showStat(String backend) {
    return "show stat " + Names.require("backend name", backend) + " 4 -1";
  }

  static String showInfo() {
    return "show info";
  }

  /** {@code backend/server}, both names checked so that neither can split the command line. */
  private static String target(String backend, String server) {
    return Names.require("backend name", backend) + "/" + Names.require("server name", server);
  }

  /** Several commands on one line, run by haproxy in one pass. */
  static String chain(List<String> commands) {
    return String.join("; ", commands);
  }

  /** The answer's lines that are not a known success message; empty when all went well. */
  static List<String> errors(String answer) {
    return answer
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !SUCCESS.contains(line))
        .toList();
  }

  /** Throws unless every line of {@code answer} says success. */
  static void requireSuccess(String command, String answer) {
    List<String> errors = errors(answer);
    if (!errors.isEmpty()) {
      throw new ProxyCommandException(command, String.join(" ", errors));
    }
  }
}
