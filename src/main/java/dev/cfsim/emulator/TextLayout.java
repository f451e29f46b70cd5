package dev.cfsim.emulator;

import java.util.ArrayList;
import java.util.List;

/** Lays report sections out as aligned plain-text tables or as Markdown. */
final class TextLayout {
  /** Longer cells are cut in the terminal table (the JSON and HTML reports keep them whole). */
  static final int MAX_CELL = 60;

  private TextLayout() {}

  static String table(List<ReportSection> sections) {
    StringBuilder sb = new StringBuilder();
    for (ReportSection s : sections) {
      sb.append(s.title()).append('\n');
      List<List<String>> rows = new ArrayList<>();
      if (!s.columns().isEmpty()) {
        rows.add(s.columns());
      }
      s.rows().forEach(r -> rows.add(r.stream().map(TextLayout::plain).toList()));
      int width = rows.stream().mapToInt(List::size).max().orElse(0);
      int[] widths = new int[width];
      rows.forEach(r -> {
        for (int i = 0; i < r.size(); i++) {
          widths[i] = Math.max(widths[i], DisplayText.width(r.get(i)));
        }
      });
      for (List<String> r : rows) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < r.size(); i++) {
          boolean number = ReportSection.isNumberCell(r, i);
          String cell = r.get(i);
          String pad = " ".repeat(widths[i] - DisplayText.width(cell));
          line.append(number ? pad + cell : cell + pad).append("  ");
        }
        sb.append(line.toString().stripTrailing()).append('\n');
      }
      s.notes().forEach(n -> sb.append("  ").append(DisplayText.neutralised(n)).append('\n'));
      sb.append('\n');
    }
    return sb.toString();
  }

  static String markdown(List<ReportSection> sections) {
    StringBuilder sb = new StringBuilder("# cfsim emulation report\n\n");
    for (ReportSection s : sections) {
      sb.append("## ").append(md(s.title())).append("\n\n");
      List<String> columns = s.columns().isEmpty() ? List.of("", "") : s.columns();
      if (!s.rows().isEmpty()) {
        sb.append('|');
        columns.forEach(c -> sb.append(' ').append(md(c)).append(" |"));
        sb.append("\n|");
        columns.forEach(c -> sb.append("---|"));
        sb.append('\n');
        for (List<String> r : s.rows()) {
          sb.append('|');
          r.forEach(c -> sb.append(' ').append(md(c)).append(" |"));
          sb.append('\n');
        }
        sb.append('\n');
      }
      s.notes().forEach(n -> sb.append(md(n)).append("\n\n"));
    }
    return sb.toString();
  }

  /** One line, control and bidi characters shown as '?', cut to {@link #MAX_CELL} columns. */
  private static String plain(String s) {
    return DisplayText.cut(DisplayText.neutralised(s), MAX_CELL);
  }

  /** Text safe inside a Markdown table cell: no line breaks, no HTML, pipes and markup escaped. */
  static String md(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c < 32 || c == 127) {
        sb.append(' ');
      } else if (DisplayText.isHidden(c)) {
        sb.append('?');
      } else if ("\\`*_[]<>|#!~$".indexOf(c) >= 0) {
        sb.append('\\').append(c);
      } else if (c == '&') {
        sb.append("&amp;");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
