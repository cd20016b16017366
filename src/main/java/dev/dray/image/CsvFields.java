package dev.dray.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of comma-separated fields the way docker/metadata-action reads its inputs: a
 * field that starts with {@code "} runs to the closing quote and may contain commas ({@code ""} is
 * a quote).
 */
final class CsvFields {
  private CsvFields() {}

  /**
   * The fields of {@code line}, in order.
   *
   * @throws IllegalArgumentException with the reason when a quoted field is not closed
   */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    boolean fieldStart = true;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (fieldStart && c == '"') {
        i++;
        while (true) {
          if (i >= line.length()) {
            throw new IllegalArgumentException("a quoted field is not closed");
          }
          char q = line.charAt(i);
          if (q == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
          } else if (q == '"') {
            i++;
            break;
          } else {
            field.append(q);
            i++;
          }
        }
        fieldStart = false;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldStart = true;
        i++;
      } else {
        field.append(c);
        fieldStart = false;
        i++;
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
