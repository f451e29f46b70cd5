package dev.cfsim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Display formatting shared by the renderers: rounding happens here and only here. */
final class Text {
  private Text() {}

  /** Dollars to the cent; amounts under a cent are shown as they are so they do not read as zero. */
  static String usd(BigDecimal v) {
    BigDecimal shown = shown(v);
    return shown.scale() > 2 ? plain(shown) : grouped(shown, 2);
  }

  /** The amount {@link #usd} shows: to the cent, or to eight places when under half a cent. */
  static BigDecimal shown(BigDecimal v) {
    BigDecimal cents = v.setScale(2, RoundingMode.HALF_UP);
    return cents.signum() == 0 && v.signum() != 0 ? v.setScale(8, RoundingMode.HALF_UP) : cents;
  }

  /** A quantity with thousands separators and up to six decimals. */
  static String quantity(BigDecimal v) {
    return grouped(number(v), 6);
  }

  static String grouped(BigDecimal v, int maxDecimals) {
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setMaximumFractionDigits(maxDecimals);
    f.setMinimumFractionDigits(Math.min(maxDecimals, Math.max(0, v.scale())));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(v);
  }

  /** Full precision, no exponent: for JSON-like and CSV output. */
  static String plain(BigDecimal v) {
    return number(v).toPlainString();
  }

  /** The same value without trailing zeros (2707.600 → 2707.6), for JSON numbers. */
  static BigDecimal number(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** Columns padded to their widest cell; columns listed in {@code right} are right-aligned. */
  static String columns(List<List<String>> rows, boolean... right) {
    int n = rows.get(0).size();
    int[] width = new int[n];
    for (List<String> row : rows) {
      for (int i = 0; i < n; i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        boolean r = i < right.length && right[i];
        String cell = row.get(i);
        String pad = " ".repeat(width[i] - cell.length());
        cells.add(r ? pad + cell : cell + pad);
      }
      sb.append(String.join("  ", cells).stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  /** One CSV record (RFC 4180 quoting). */
  static String csv(List<String> fields) {
    return fields.stream().map(Text::csvField).collect(Collectors.joining(",")) + "\n";
  }

  private static String csvField(String f) {
    return f.contains(",") || f.contains("\"") || f.contains("\n") ? "\"" + f.replace("\"", "\"\"") + "\"" : f;
  }

  /** A Markdown table: header row, alignment row, body. */
  static String markdown(List<List<String>> rows, boolean... right) {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      sb.append("| ").append(rows.get(r).stream().map(Text::markdownCell).collect(Collectors.joining(" | "))).append(" |\n");
      if (r == 0) {
        sb.append('|');
        for (int i = 0; i < rows.get(0).size(); i++) {
          sb.append(i < right.length && right[i] ? "---:|" : "---|");
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String markdownCell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
