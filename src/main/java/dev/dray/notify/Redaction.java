package dev.dray.notify;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The secret values behind one notify URL (tokens, passwords, values taken from the environment),
 * used to wipe them from text dray did not write itself: response bodies and exception messages.
 */
final class Redaction {
  static final String MASK = "***";

  /**
   * Values from the environment or query strings shorter than this are not wiped from other text:
   * they could not be told apart from ordinary words and numbers.
   */
  static final int MIN_INCIDENTAL = 4;

  private final List<String> secrets;

  private Redaction(Collection<String> secrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        forms.add(secret);
        forms.add(PercentCoding.encode(secret));
      }
    }
    List<String> sorted = new ArrayList<>(forms);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = List.copyOf(sorted);
  }

  static Redaction none() {
    return new Redaction(List.of());
  }

  /** Wipes {@code secrets} whatever their length: tokens and passwords. */
  static Redaction of(Collection<String> secrets) {
    return new Redaction(secrets);
  }

  /** This redaction and {@code secrets}, which must be wiped whatever their length. */
  Redaction plus(Collection<String> more) {
    List<String> all = new ArrayList<>(secrets);
    all.addAll(more);
    return new Redaction(all);
  }

  /** This redaction and those of {@code values} at least {@value #MIN_INCIDENTAL} long. */
  Redaction plusIncidental(Collection<String> values) {
    return plus(values.stream().filter(v -> v.length() >= MIN_INCIDENTAL).toList());
  }

  /** The text with every secret replaced by {@code ***}. */
  String scrub(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  /**
   * A copy of the failure and its causes whose messages are scrubbed, keeping types (in the
   * message) and stack traces, so that a debug stack trace shows no secret either.
   */
  Throwable scrub(Throwable failure) {
    if (failure == null) {
      return null;
    }
    Throwable copy =
        new RedactedCause(
            failure.getClass().getName() + scrubbedMessage(failure), scrub(failure.getCause()));
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  /**
   * The failure's message, scrubbed and on one line, followed by its type; for a failure without a
   * message, what its type means ({@code connection refused}) or the type alone.
   */
  String describe(Throwable failure) {
    String type = failure.getClass().getSimpleName();
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      return failure instanceof ConnectException ? "connection refused (" + type + ")" : type;
    }
    return scrub(message).strip().replaceAll("\\s+", " ") + " (" + type + ")";
  }

  private String scrubbedMessage(Throwable failure) {
    return failure.getMessage() == null ? "" : ": " + scrub(failure.getMessage());
  }

  @Override
  public String toString() {
    return "Redaction[" + secrets.size() + " values]";
  }

  /** Stands in for a failure whose message might have held a secret. */
  static final class RedactedCause extends Exception {
    private static final long serialVersionUID = 1L;

    RedactedCause(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
