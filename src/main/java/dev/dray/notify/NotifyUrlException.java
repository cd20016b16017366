package dev.dray.notify;

/**
 * A notify URL from {@code notify.urls} that dray cannot use, naming the part that is wrong. The
 * URL in the message has its token, password and query values replaced by {@code ***}.
 */
public final class NotifyUrlException extends NotifyException {
  private static final long serialVersionUID = 1L;

  private final int index;
  private final String url;
  private final String part;
  private final String problem;

  /**
   * @param index the URL's position in {@code notify.urls}
   * @param url the URL with its secrets masked
   * @param part which part is wrong: {@code scheme}, {@code token}, {@code chats}, {@code port}, …
   * @param problem what is wrong with it, as a sentence fragment
   * @param hint the form the URL should have
   */
  public NotifyUrlException(int index, String url, String part, String problem, String hint) {
    super("notify.urls[%d] %s: %s".formatted(index, url, problem), hint);
    this.index = index;
    this.url = url;
    this.part = part;
    this.problem = problem;
  }

  /** The URL's position in {@code notify.urls}, from 0. */
  public int index() {
    return index;
  }

  /** The URL with its secrets masked. */
  public String url() {
    return url;
  }

  /** The part that is wrong: {@code scheme}, {@code token}, {@code chats}, {@code to}, … */
  public String part() {
    return part;
  }

  /** What is wrong with that part. */
  public String problem() {
    return problem;
  }
}
