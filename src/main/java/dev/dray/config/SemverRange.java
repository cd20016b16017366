package dev.dray.config;

import dev.dray.image.SemVer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of semantic versions written as node-semver writes them, such as {@code >=1.2.0 <2.0.0},
 * {@code ^1.4}, {@code ~1.4.2}, {@code 1.x}, {@code 1.2.3 - 1.4} or {@code ^1 || ^2}.
 *
 * <p>Comparators separated by spaces must all hold; {@code ||} separates alternatives. A
 * pre-release version such as {@code 2.0.0-rc.1} is only included when a comparator of the same
 * alternative names a pre-release of the same {@code MAJOR.MINOR.PATCH} ({@code >=2.0.0-rc.0}), as
 * node-semver does; so {@code ^1.4} never picks up {@code 1.5.0-beta}. Build metadata is ignored.
 *
 * @param text the range as written
 */
public record SemverRange(String text) {
  private static final String PART = "(?:0|[1-9][0-9]*|[xX*])";
  private static final Pattern PARTIAL =
      Pattern.compile(
          "v?("
              + PART
              + ")(?:\\.("
              + PART
              + ")(?:\\.("
              + PART
              + ")(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?)?)?");
  private static final Pattern OPERATOR = Pattern.compile("^(<=|>=|<|>|=|~>|~|\\^)?(.*)$");
  private static final Pattern HYPHEN = Pattern.compile("^(\\S+)\\s+-\\s+(\\S+)$");

  /** What a range looks like, for messages. */
  public static final String EXPECTED = "a semver range like >=1.2.0 <2.0.0, ^1.4, ~1.4.2 or 1.x";

  public SemverRange {
    Objects.requireNonNull(text, "text");
    alternatives(text); // validates
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException saying which part is wrong
   */
  public static SemverRange parse(String text) {
    return new SemverRange(text.strip());
  }

  /** Whether {@code version} (such as {@code 1.4.2} or {@code v1.4.2}) lies in this range. */
  public boolean includes(String version) {
    return SemVer.parse(version).map(this::includes).orElse(false);
  }

  /** Whether {@code version} lies in this range. */
  public boolean includes(SemVer version) {
    Version v = Version.of(version);
    return alternatives(text).stream().anyMatch(set -> test(set, v));
  }

  @Override
  public String toString() {
    return text;
  }

  private static boolean test(List<Comparator> set, Version v) {
    for (Comparator c : set) {
      if (!c.test(v)) {
        return false;
      }
    }
    if (v.prerelease().isEmpty()) {
      return true;
    }
    return set.stream()
        .anyMatch(c -> !c.version().prerelease().isEmpty() && c.version().sameRelease(v));
  }

  /** The alternatives of {@code text}, each a list of primitive comparators that must all hold. */
  private static List<List<Comparator>> alternatives(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("the range is empty");
    }
    List<List<Comparator>> sets = new ArrayList<>();
    for (String alternative : text.split("\\|\\|", -1)) {
      sets.add(comparators(alternative.strip()));
    }
    return sets;
  }

  private static List<Comparator> comparators(String set) {
    if (set.isEmpty()) {
      throw new IllegalArgumentException("an alternative around || is empty");
    }
    Matcher hyphen = HYPHEN.matcher(set);
    if (hyphen.matches()) {
      return hyphenRange(partial(hyphen.group(1)), partial(hyphen.group(2)));
    }
    List<Comparator> out = new ArrayList<>();
    String[] tokens = set.split("\\s+");
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      // node-semver allows a space after the operator: ">= 1.2.3"
      if (token.matches("<=|>=|<|>|=|~>|~|\\^") && i + 1 < tokens.length) {
        token = token + tokens[++i];
      }
      Matcher m = OPERATOR.matcher(token);
      m.matches();
      String op = m.group(1) == null ? "" : m.group(1);
      Partial p = partial(m.group(2));
      out.addAll(desugar(op, p));
    }
    return out;
  }

  private static Partial partial(String text) {
    Matcher m = PARTIAL.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a version like 1, 1.4 or 1.4.2");
    }
    Long major = number(m.group(1));
    Long minor = number(m.group(2));
    Long patch = number(m.group(3));
    if ((major == null && minor != null) || (minor == null && patch != null)) {
      throw new IllegalArgumentException(
          "'" + text + "' has a number after a wildcard; write it like 1.x or 1.2.x");
    }
    String pre = m.group(4) == null ? "" : m.group(4);
    if (!pre.isEmpty() && patch == null) {
      throw new IllegalArgumentException(
          "'" + text + "' has a pre-release without a full MAJOR.MINOR.PATCH");
    }
    return new Partial(major, minor, patch, pre);
  }

  private static Long number(String group) {
    if (group == null || group.equals("x") || group.equals("X") || group.equals("*")) {
      return null;
    }
    if (group.length() > 15) {
      throw new IllegalArgumentException("'" + group + "' is too large for a version number");
    }
    return Long.parseLong(group);
  }

  private static List<Comparator> desugar(String op, Partial p) {
    return switch (op) {
      case "^" -> caret(p);
      case "~", "~>" -> tilde(p);
      case "", "=" -> p.isFull() ? List.of(new Comparator("=", p.low())) : xRange(p);
      case ">=" -> p.isAny() ? List.of() : List.of(new Comparator(">=", p.low()));
      case "<" -> p.isAny() ? List.of(Comparator.NONE) : List.of(new Comparator("<", p.low()));
      case ">" ->
          p.isAny()
              ? List.of(Comparator.NONE)
              : p.isFull()
                  ? List.of(new Comparator(">", p.low()))
                  : List.of(new Comparator(">=", p.nextUp()));
      case "<=" ->
          p.isAny()
              ? List.of()
              : p.isFull()
                  ? List.of(new Comparator("<=", p.low()))
                  : List.of(new Comparator("<", p.nextUp()));
      default -> throw new IllegalStateException("operator " + op);
    };
  }

  private static List<Comparator> xRange(Partial p) {
    if (p.isAny()) {
      return List.of();
    }
    return List.of(new Comparator(">=", p.low()), new Comparator("<", p.nextUp()));
  }

  private static List<Comparator> tilde(Partial p) {
    if (p.isAny()) {
      return List.of();
    }
    Version upper =
        p.minor() == null
            ? new Version(p.major() + 1, 0, 0, "")
            : new Version(p.major(), p.minor() + 1, 0, "");
    return List.of(new Comparator(">=", p.low()), new Comparator("<", upper));
  }

  private static List<Comparator> caret(Partial p) {
    if (p.isAny()) {
      return List.of();
    }
    long major = p.major();
    Version upper;
    if (major > 0 || p.minor() == null) {
      upper = new Version(major + 1, 0, 0, "");
    } else if (p.minor() > 0 || p.patch() == null) {
      upper = new Version(0, p.minor() + 1, 0, "");
    } else {
      upper = new Version(0, 0, p.patch() + 1, "");
    }
    return List.of(new Comparator(">=", p.low()), new Comparator("<", upper));
  }

  private static List<Comparator> hyphenRange(Partial from, Partial to) {
    List<Comparator> out = new ArrayList<>();
    if (!from.isAny()) {
      out.add(new Comparator(">=", from.low()));
    }
    if (!to.isAny()) {
      out.add(to.isFull() ? new Comparator("<=", to.low()) : new Comparator("<", to.nextUp()));
    }
    return out;
  }

  /** A version as written in a range, with wildcards (null) for missing or x parts. */
  private record Partial(Long major, Long minor, Long patch, String prerelease) {
    boolean isAny() {
      return major == null;
    }

    boolean isFull() {
      return patch != null;
    }

    /** The lowest version this partial stands for. */
    Version low() {
      return new Version(
          major, minor == null ? 0 : minor, patch == null ? 0 : patch, isFull() ? prerelease : "");
    }

    /** The first version above everything this partial stands for (1.2 → 1.3.0). */
    Version nextUp() {
      return minor == null
          ? new Version(major + 1, 0, 0, "")
          : new Version(major, minor + 1, 0, "");
    }
  }

  /** A full version without build metadata, ordered by semver precedence. */
  private record Version(long major, long minor, long patch, String prerelease)
      implements Comparable<Version> {
    static Version of(SemVer v) {
      return new Version(v.major(), v.minor(), v.patch(), v.prerelease());
    }

    boolean sameRelease(Version o) {
      return major == o.major && minor == o.minor && patch == o.patch;
    }

    @Override
    public int compareTo(Version o) {
      int c = Long.compare(major, o.major);
      if (c == 0) {
        c = Long.compare(minor, o.minor);
      }
      if (c == 0) {
        c = Long.compare(patch, o.patch);
      }
      return c != 0 ? c : comparePrerelease(prerelease, o.prerelease);
    }

    private static int comparePrerelease(String a, String b) {
      if (a.equals(b)) {
        return 0;
      }
      if (a.isEmpty()) {
        return 1; // a release ranks above its pre-releases
      }
      if (b.isEmpty()) {
        return -1;
      }
      String[] x = a.split("\\.");
      String[] y = b.split("\\.");
      for (int i = 0; i < Math.min(x.length, y.length); i++) {
        int c = compareIdentifier(x[i], y[i]);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.length, y.length);
    }

    private static int compareIdentifier(String a, String b) {
      boolean an = a.matches("[0-9]+");
      boolean bn = b.matches("[0-9]+");
      if (an && bn) {
        int byLength = Integer.compare(a.length(), b.length());
        return byLength != 0 ? byLength : a.compareTo(b);
      }
      if (an != bn) {
        return an ? -1 : 1; // numeric identifiers rank below alphanumeric ones
      }
      return a.compareTo(b);
    }
  }

  /** One primitive comparison such as {@code >=1.2.0}. */
  private record Comparator(String op, Version version) {
    /** A comparator nothing satisfies ({@code <*}). */
    static final Comparator NONE = new Comparator("<", new Version(0, 0, 0, "0"));

    boolean test(Version v) {
      int c = v.compareTo(version);
      return switch (op) {
        case "=" -> c == 0;
        case ">" -> c > 0;
        case ">=" -> c >= 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        default -> throw new IllegalStateException(op);
      };
    }
  }

  /** Why {@code text} is not a valid range; empty when it is one. */
  static Optional<String> problem(String text) {
    try {
      alternatives(text.strip());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }
}
