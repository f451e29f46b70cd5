package dev.cfsim.traffic;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts as people write them in profiles: {@code 600,000}, {@code 20 TB}, {@code 512 GB}.
 * Data is in GB as AWS bills it, binary: 1 TB = 1,024 GB (AWS meters data transfer in binary
 * gigabytes, and its price list tiers start at 10,240 GB for "10 TB").
 */
public final class Quantities {
  /**
   * A number as people write one: digits, optionally grouped in thousands by commas
   * ({@code 1,000,000}) or split by underscores ({@code 600_000}), then a decimal point. A comma
   * anywhere else is refused: {@code 1,5} is a decimal comma, and reading it as 15 would bill ten
   * times the traffic.
   */
  private static final Pattern AMOUNT = Pattern.compile(
      "\\s*([+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9](?:_?[0-9])*)(?:\\.[0-9]+)?)\\s*([A-Za-z]*)\\s*");
  private static final BigDecimal K = new BigDecimal(1024);
  /** The most data accepted, 10^12 GB (about 900 EB a month): beyond it an input is a typo. */
  static final BigDecimal MAX_GB = BigDecimal.TEN.pow(12);
  private static final Map<String, BigDecimal> GB_PER_UNIT =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("b", BigDecimal.ONE.divide(K.pow(3))),
          Map.entry("kb", BigDecimal.ONE.divide(K.pow(2))),
          Map.entry("kib", BigDecimal.ONE.divide(K.pow(2))),
          Map.entry("mb", BigDecimal.ONE.divide(K)),
          Map.entry("mib", BigDecimal.ONE.divide(K)),
          Map.entry("gb", BigDecimal.ONE),
          Map.entry("gib", BigDecimal.ONE),
          Map.entry("tb", K),
          Map.entry("tib", K),
          Map.entry("pb", K.pow(2)),
          Map.entry("pib", K.pow(2)));

  private Quantities() {}

  /** A data amount in GB: a number means GB; a string may carry B, KB, MB, GB, TB or PB. */
  public static BigDecimal dataGb(InputNode node) {
    BigDecimal gb;
    if (node.isNumber()) {
      gb = node.number(MAX_GB, "GB"); // the data limit, not the larger one for counts, in the message
    } else {
      Matcher m = match(node, node.text(), "a data amount such as '20 TB' or '512 GB'");
      BigDecimal perUnit = GB_PER_UNIT.get(m.group(2).toLowerCase(Locale.ROOT));
      if (perUnit == null) {
        throw node.invalid("unknown unit '" + m.group(2) + "' (expected B, KB, MB, GB, TB or PB; 1 TB = 1,024 GB)");
      }
      gb = node.fine(number(m.group(1))).multiply(perUnit); // the places as written, before the unit's own
    }
    if (gb.signum() < 0) {
      throw node.invalid("must not be negative (got " + node.text().strip() + ")");
    }
    return node.atMost(gb, MAX_GB, "GB");
  }

  /** A plain number written as text, digits optionally grouped (see {@link #AMOUNT}). */
  static BigDecimal parseCount(InputNode node, String text) {
    Matcher m = match(node, text, "a number");
    if (!m.group(2).isEmpty()) {
      throw node.invalid("must be a plain number without a unit (got '" + text.strip() + "')");
    }
    return number(m.group(1));
  }

  private static Matcher match(InputNode node, String text, String expected) {
    Matcher m = AMOUNT.matcher(text);
    if (!m.matches()) {
      String commas = text.indexOf(',') >= 0
          ? "; a comma may only group thousands (1,000,000), and the decimal point is '.'" : "";
      throw node.invalid("must be " + expected + " (got '" + text.strip() + "')" + commas);
    }
    return m;
  }

  private static BigDecimal number(String digits) {
    return new BigDecimal(digits.replace(",", "").replace("_", ""));
  }
}
