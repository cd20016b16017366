package dev.dray.image;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Formats an instant with a moment.js format string, the date syntax of docker/metadata-action's
 * {@code {{date}}} and {@code {{commit_date}}} (e.g. {@code YYYYMMDD-HHmmss}).
 *
 * <p>Supports the common tokens: {@code YYYY YY Y Q MMMM MMM MM Mo M DDDD DDD DD Do D dddd ddd dd d
 * E HH H hh h kk k mm m ss s S… A a ZZ Z X x}, and {@code [literal]} text. Other characters are
 * copied, as moment.js does. English names only.
 */
final class MomentFormat {
  private static final List<String> TOKENS =
      List.of(
          "YYYY", "YY", "Y", "Q", "MMMM", "MMM", "MM", "Mo", "M", "DDDD", "DDD", "DD", "Do", "D",
          "dddd", "ddd", "dd", "d", "E", "HH", "H", "hh", "h", "kk", "k", "mm", "m", "ss", "s", "A",
          "a", "ZZ", "Z", "X", "x");

  private MomentFormat() {}

  static String format(String pattern, Instant instant, ZoneId zone) {
    ZonedDateTime t = instant.atZone(zone);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '[') {
        int end = pattern.indexOf(']', i + 1);
        if (end > 0) {
          out.append(pattern, i + 1, end);
          i = end + 1;
          continue;
        }
      }
      if (c == 'S') {
        int end = i;
        while (end < pattern.length() && pattern.charAt(end) == 'S' && end - i < 9) {
          end++;
        }
        String nanos = String.format(Locale.ROOT, "%09d", t.getNano());
        out.append(nanos, 0, end - i);
        i = end;
        continue;
      }
      String token = match(pattern, i);
      if (token == null) {
        out.append(c);
        i++;
      } else {
        out.append(field(token, t));
        i += token.length();
      }
    }
    return out.toString();
  }

  private static String match(String pattern, int at) {
    for (String token : TOKENS) {
      if (pattern.startsWith(token, at)) {
        return token;
      }
    }
    return null;
  }

  private static String field(String token, ZonedDateTime t) {
    int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    return switch (token) {
      case "YYYY" -> pad(t.getYear(), 4);
      case "YY" -> pad(Math.floorMod(t.getYear(), 100), 2);
      case "Y" -> Integer.toString(t.getYear());
      case "Q" -> Integer.toString((t.getMonthValue() - 1) / 3 + 1);
      case "MMMM" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "MMM" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "MM" -> pad(t.getMonthValue(), 2);
      case "Mo" -> ordinal(t.getMonthValue());
      case "M" -> Integer.toString(t.getMonthValue());
      case "DDDD" -> pad(t.getDayOfYear(), 3);
      case "DDD" -> Integer.toString(t.getDayOfYear());
      case "DD" -> pad(t.getDayOfMonth(), 2);
      case "Do" -> ordinal(t.getDayOfMonth());
      case "D" -> Integer.toString(t.getDayOfMonth());
      case "dddd" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "ddd" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "dd" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).substring(0, 2);
      case "d" -> Integer.toString(t.getDayOfWeek().getValue() % 7);
      case "E" -> Integer.toString(t.getDayOfWeek().getValue());
      case "HH" -> pad(t.getHour(), 2);
      case "H" -> Integer.toString(t.getHour());
      case "hh" -> pad(hour12, 2);
      case "h" -> Integer.toString(hour12);
      case "kk" -> pad(t.getHour() == 0 ? 24 : t.getHour(), 2);
      case "k" -> Integer.toString(t.getHour() == 0 ? 24 : t.getHour());
      case "mm" -> pad(t.getMinute(), 2);
      case "m" -> Integer.toString(t.getMinute());
      case "ss" -> pad(t.getSecond(), 2);
      case "s" -> Integer.toString(t.getSecond());
      case "A" -> t.getHour() < 12 ? "AM" : "PM";
      case "a" -> t.getHour() < 12 ? "am" : "pm";
      case "ZZ" -> offset(t, "");
      case "Z" -> offset(t, ":");
      case "X" -> Long.toString(t.toEpochSecond());
      case "x" -> Long.toString(t.toInstant().toEpochMilli());
      default -> throw new IllegalStateException(token);
    };
  }

  private static String pad(int value, int width) {
    return String.format(Locale.ROOT, "%0" + width + "d", value);
  }

  private static String ordinal(int n) {
    int mod100 = n % 100;
    String suffix =
        (mod100 >= 11 && mod100 <= 13)
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }

  private static String offset(ZonedDateTime t, String separator) {
    int seconds = t.getOffset().getTotalSeconds();
    int abs = Math.abs(seconds);
    return (seconds < 0 ? "-" : "+") + pad(abs / 3600, 2) + separator + pad(abs / 60 % 60, 2);
  }
}
