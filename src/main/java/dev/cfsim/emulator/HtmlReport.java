package dev.cfsim.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page: inline CSS and SVG bar charts, no scripts, no
 * external resources. Every value that came from the logs or the rules is HTML-escaped, so a
 * hostile User-Agent or URI in a log cannot inject markup.
 */
final class HtmlReport {
  private static final int CHART_BARS = 15;

  private HtmlReport() {}

  static String render(EmulationReport report, List<ReportSection> sections) {
    StringBuilder sb = new StringBuilder(16_384);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>cfsim emulation: ").append(esc(report.rulesSource())).append("</title>\n")
        .append("<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ccc;padding:3px 8px;")
        .append("text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}")
        .append("th{background:#f3f3f3}.note{color:#555;max-width:60em}svg text{font:12px system-ui,sans-serif}")
        .append("td{max-width:40em;overflow-wrap:anywhere}</style></head><body>\n")
        .append("<h1>cfsim emulation report</h1>\n");
    chart(sb, "Decisions", report.counts().decisions());
    chart(sb, "Requests by country", totals(report.counts().byCountry()));
    chart(sb, "Requests by device", totals(report.counts().byDevice()));
    for (ReportSection s : sections) {
      table(sb, s);
    }
    return sb.append("</body></html>\n").toString();
  }

  private static void table(StringBuilder sb, ReportSection s) {
    sb.append("<h2>").append(esc(s.title())).append("</h2>\n");
    if (!s.rows().isEmpty()) {
      sb.append("<table>");
      if (!s.columns().isEmpty()) {
        sb.append("<tr>");
        s.columns().forEach(c -> sb.append("<th>").append(esc(c)).append("</th>"));
        sb.append("</tr>");
      }
      for (List<String> row : s.rows()) {
        sb.append("<tr>");
        for (int i = 0; i < row.size(); i++) {
          boolean number = ReportSection.isNumberCell(row, i);
          sb.append(number ? "<td class=\"n\">" : "<td>").append(esc(row.get(i))).append("</td>");
        }
        sb.append("</tr>\n");
      }
      sb.append("</table>\n");
    }
    s.notes().forEach(n -> sb.append("<p class=\"note\">").append(esc(n)).append("</p>\n"));
  }

  /** A horizontal bar chart of the largest values, as inline SVG. */
  private static void chart(StringBuilder sb, String title, Map<String, Double> values) {
    List<Map.Entry<String, Double>> bars = values.entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(CHART_BARS).toList();
    double max = bars.stream().mapToDouble(Map.Entry::getValue).max().orElse(0);
    int rowHeight = 20;
    int labelWidth = 180;
    int barWidth = 420;
    int height = rowHeight * Math.max(bars.size(), 1) + 10;
    sb.append("<h2>").append(esc(title)).append("</h2>\n")
        .append("<svg role=\"img\" aria-label=\"").append(esc(title)).append("\" width=\"")
        .append(labelWidth + barWidth + 120).append("\" height=\"").append(height).append("\">");
    for (int i = 0; i < bars.size(); i++) {
      var bar = bars.get(i);
      int y = i * rowHeight + 5;
      double w = max > 0 ? barWidth * bar.getValue() / max : 0;
      String label = bar.getKey().length() > 28 ? bar.getKey().substring(0, 27) + "…" : bar.getKey();
      sb.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 14)
          .append("\" text-anchor=\"end\">").append(esc(label)).append("</text>")
          .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 2)
          .append("\" width=\"").append(String.format(Locale.ROOT, "%.1f", w))
          .append("\" height=\"").append(rowHeight - 6).append("\" fill=\"#4a7fb5\"/>")
          .append("<text x=\"").append(String.format(Locale.ROOT, "%.1f", labelWidth + w + 6)).append("\" y=\"")
          .append(y + 14).append("\">").append(esc(EmulationSections.count(bar.getValue()))).append("</text>");
    }
    sb.append("</svg>\n");
  }

  private static Map<String, Double> totals(Map<String, Map<String, Double>> rows) {
    Map<String, Double> out = new LinkedHashMap<>();
    rows.forEach((k, row) -> out.put(k, ReportSection.total(row)));
    return out;
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c < 32 && c != '\t' ? ' ' : DisplayText.isHidden(c) && c >= 32 ? '?' : c);
      }
    }
    return sb.toString();
  }
}
