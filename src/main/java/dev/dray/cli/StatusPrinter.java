package dev.dray.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints a {@link StatusView} as {@code dray status} shows it, the same whether it was read from
 * this host or from dray server.
 */
final class StatusPrinter {
  private final PrintWriter out;
  private final Terminal term;
  private final Clock clock;

  StatusPrinter(PrintWriter out, Terminal term, Clock clock) {
    this.out = out;
    this.term = term;
    this.clock = clock;
  }

  void print(StatusView view) {
    out.println(term.bold(view.app()) + term.dim("  (" + view.origin() + ")"));
    for (StatusView.Service s : view.services()) {
      if (s.running().isEmpty()) {
        out.println("  " + term.bold(s.name()) + "  " + term.red("not running"));
        continue;
      }
      for (StatusView.Container c : s.running()) {
        String since =
            c.startedAt()
                .map(t -> Durations.format(Duration.between(t, clock.instant())) + " ago")
                .orElse("?");
        out.printf(
            Locale.ROOT,
            "  %s  %s  %s  up %s  health %s  restarts %d%n",
            term.bold(s.name()),
            c.version(),
            shortImage(c.image()),
            since,
            c.health(),
            c.restarts());
        c.name().ifPresent(n -> out.println(term.dim("      " + n)));
        c.logs().forEach(l -> out.println(term.dim("      | ") + l));
      }
    }
    out.println(
        term.bold("proxy")
            + "  "
            + (view.proxy().running() ? term.green("running") : term.red("not running")));
    for (StatusView.Backend b : view.proxy().servers()) {
      out.printf(
          Locale.ROOT,
          "  %s  %s %s  %s/%s  in flight %d%n",
          b.backend(),
          b.server().server(),
          b.server().address(),
          b.server().adminState(),
          b.server().operState(),
          b.server().currentSessions());
    }
  }

  /** {@code repo@sha256:…} as {@code sha256:} and 12 hex digits; other references unchanged. */
  static String shortImage(String image) {
    int at = image.indexOf("@sha256:");
    return at < 0 ? image : image.substring(at + 1, Math.min(image.length(), at + 20));
  }
}
