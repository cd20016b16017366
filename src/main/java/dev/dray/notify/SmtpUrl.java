package dev.dray.notify;

import dev.dray.Secret;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An SMTP server and the mail to send through it, from shoutrrr's form {@code
 * smtp://[user:password@]host[:port]/?from=<address>&to=<address>[,<address>…]}, with optional
 * {@code subject=…} (alias {@code title}), {@code fromname=…} and {@code starttls=yes|no} (alias
 * {@code usestarttls}). {@code fromaddress} and {@code toaddresses} are aliases of {@code from} and
 * {@code to}.
 *
 * <p>The port defaults to 25. {@code starttls=yes}, the default, requires the server to offer
 * STARTTLS and checks its certificate; {@code starttls=no} talks plain SMTP (for a trusted relay).
 * Port 465 (implicit TLS) is not supported. The server asks for a login when a user is given.
 */
record SmtpUrl(
    String host,
    int port,
    Optional<String> username,
    Optional<Secret> password,
    String from,
    Optional<String> fromName,
    List<String> to,
    Optional<String> subject,
    boolean startTls,
    String describe,
    Redaction redaction)
    implements NotifyUrl {
  static final String HINT =
      "write smtp://[user:password@]host[:port]/?from=<address>&to=<address>[,<address>…]"
          + "[&subject=…][&starttls=yes|no]";
  private static final List<String> KNOWN =
      List.of(
          "from",
          "fromaddress",
          "to",
          "toaddresses",
          "subject",
          "title",
          "fromname",
          "starttls",
          "usestarttls");

  SmtpUrl {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(fromName, "fromName");
    to = List.copyOf(to);
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(describe, "describe");
    Objects.requireNonNull(redaction, "redaction");
  }

  static SmtpUrl parse(URI uri, String shown, Redaction redaction) throws UrlProblem {
    Authority authority = Authority.parse(uri.getRawAuthority());
    if (authority.host().isEmpty()) {
      throw new UrlProblem("host", "the SMTP server's host is missing", HINT);
    }
    if (!authority.host().matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]")) {
      throw new UrlProblem("host", "the host is not a host name or IP address", HINT);
    }
    int port = authority.port().isPresent() ? NotifyUrlParser.port(authority.port().get()) : 25;
    if (port == 465) {
      throw new UrlProblem(
          "port",
          "port 465 expects implicit TLS, which dray does not speak",
          "use the server's submission port 587 with starttls=yes");
    }
    Optional<String> username = Optional.empty();
    Optional<String> password = Optional.empty();
    if (authority.rawUserInfo().isPresent()) {
      String info = authority.rawUserInfo().get();
      int colon = info.indexOf(':');
      if (colon < 0) {
        throw new UrlProblem("password", "the user has no password", HINT);
      }
      username = Optional.of(NotifyUrlParser.decode(info.substring(0, colon), "user"));
      password = Optional.of(NotifyUrlParser.decode(info.substring(colon + 1), "password"));
      if (username.get().isEmpty()) {
        throw new UrlProblem("user", "the password has no user name", HINT);
      }
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
      throw new UrlProblem("path", "an smtp URL has no path: parameters follow /?", HINT);
    }
    QueryParams query = QueryParams.parse(uri.getRawQuery());
    query.requireKnown(KNOWN, HINT);
    String from =
        address(
            query
                .take("from", "fromaddress")
                .orElseThrow(() -> new UrlProblem("from", "the from parameter is missing", HINT)),
            "from");
    String toList =
        query
            .take("to", "toaddresses")
            .orElseThrow(() -> new UrlProblem("to", "the to parameter is missing", HINT));
    List<String> to = new ArrayList<>();
    for (String address : toList.split(",", -1)) {
      to.add(address(address, "to"));
    }
    Optional<String> subject = query.take("subject", "title").filter(s -> !s.isBlank());
    Optional<String> fromName = query.take("fromname").filter(s -> !s.isBlank());
    boolean startTls =
        NotifyUrlParser.yesNo(query.take("starttls", "usestarttls").orElse("yes"), "starttls");
    return new SmtpUrl(
        authority.host(),
        port,
        username,
        password.map(Secret::of),
        from,
        fromName,
        to,
        subject,
        startTls,
        shown,
        redaction.plus(password.map(Set::of).orElse(Set.of())));
  }

  private static String address(String value, String part) throws UrlProblem {
    String address = value.strip();
    if (address.isEmpty()) {
      throw new UrlProblem(part, part + " has an empty address", HINT);
    }
    try {
      new InternetAddress(address, true).validate();
      return address;
    } catch (AddressException e) {
      throw new UrlProblem(
          part, "'" + address + "' in " + part + " is not an e-mail address", HINT);
    }
  }

  @Override
  public String toString() {
    return describe;
  }
}
