package dev.dray.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** One in-process run of the {@code dray} command line: its exit code and what it printed. */
record CliRun(int code, String out, String err) {

  /** Runs {@code dray args…} with {@code env} as its environment, capturing both streams. */
  static CliRun of(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true)) {
      code = Main.commandLine(o, e, env).execute(args);
    }
    return new CliRun(code, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  /** Both streams, for failure messages. */
  String transcript() {
    return "exit " + code + "\n--- out ---\n" + out + "--- err ---\n" + err;
  }
}
