package dev.dray.notify;

/**
 * What is wrong with one part of a notify URL, found while parsing it; the parser turns it into a
 * {@link NotifyUrlException} naming the URL. Carries no secret values.
 */
final class UrlProblem extends Exception {
  private static final long serialVersionUID = 1L;

  private final String part;
  private final String hint;

  UrlProblem(String part, String problem, String hint) {
    super(problem, null, false, false);
    this.part = part;
    this.hint = hint;
  }

  String part() {
    return part;
  }

  String hint() {
    return hint;
  }
}
