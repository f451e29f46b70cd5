package dev.cfsim.emulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One titled table of a report, already formatted as text cells; the table, Markdown and HTML
 * renderers all lay out the same sections, so they never disagree on a figure.
 *
 * @param title the section heading
 * @param columns column headings; empty for a key/value list
 * @param rows the cells, each row as long as {@code columns} (or 2 for key/value lists)
 * @param notes sentences printed under the table
 */
public record ReportSection(String title, List<String> columns, List<List<String>> rows, List<String> notes) {
  public ReportSection {
    Objects.requireNonNull(title, "title");
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    notes = List.copyOf(notes);
  }

  private static final Pattern NUMBER = Pattern.compile("[-$0-9.,%]+");

  /** True when cell {@code i} of a row is a figure, aligned right by every renderer. */
  static boolean isNumberCell(List<String> row, int i) {
    return i > 0 && NUMBER.matcher(row.get(i)).matches();
  }

  /** A row's total over its columns (requests per decision, say). */
  static double total(Map<String, Double> row) {
    return row.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
