package dev.cfsim.report;

import dev.cfsim.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * Dollar figures shown in a second currency at a rate the user gives ({@code --currency KRW --fx
 * 1400}). AWS bills in USD; the conversion is for reading only.
 *
 * @param currency the ISO 4217 code, e.g. {@code KRW}
 * @param rate units of that currency per US dollar: positive, below 10^12, at most 12 decimals
 */
public record Conversion(String currency, BigDecimal rate) {
  /**
   * Digits a rate may have before and after the point. No currency is worth less than a
   * trillionth of a dollar, and the bound keeps every converted figure short: unbounded,
   * {@code 1e400} printed a 500-digit column and {@code 1e99999999} ran for minutes.
   */
  private static final int MAX_DIGITS = 12;

  /** Longest rate text read: 12 + 12 digits with room for a sign, leading zeros and an exponent. */
  private static final int MAX_TEXT = 2 * MAX_DIGITS + 16;

  private static final String RATE_RULE = "must be a positive number below 10^12, at most 12 decimals";

  public Conversion {
    if (currency == null || rate == null) {
      throw new InvalidInputException("--currency/--fx", "", "give both --currency CODE and --fx RATE");
    }
    currency = currency.trim().toUpperCase(Locale.ROOT);
    try {
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--currency", "", "unknown ISO 4217 currency code '" + currency + "'");
    }
    // the figures are dollars already, and a converted USD column would stand beside them under the same name
    if (currency.equals("USD")) {
      throw new InvalidInputException("--currency", "", "figures are in USD already; give the currency to show them in, e.g. KRW");
    }
    checkRate(rate);
  }

  /**
   * A rate as a user writes it ({@code --fx 1400}, {@code fx=1400}), held to the bound every
   * conversion has. The CLI and the API both read rates here, so they accept the same ones.
   * Text longer than any allowed rate is refused unparsed: BigDecimal reads huge digit strings
   * slowly.
   */
  public static BigDecimal rate(String text) {
    String t = text.trim();
    if (t.length() > MAX_TEXT) {
      throw new InvalidInputException("--fx", "", RATE_RULE + " (got '" + shown(t) + "')");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(t);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("--fx", "", "not a number: '" + t + "'");
    }
    return checkRate(value);
  }

  /** Checks the scale before anything computes with the rate: {@code 1e99999999} is legal BigDecimal. */
  private static BigDecimal checkRate(BigDecimal rate) {
    if (rate.signum() <= 0 || rate.precision() - rate.scale() > MAX_DIGITS || rate.scale() > MAX_DIGITS) {
      throw new InvalidInputException("--fx", "", RATE_RULE + " (got " + shown(rate.toString()) + ")");
    }
    return rate;
  }

  private static String shown(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  /** The amount in the other currency, unrounded. */
  public BigDecimal convert(BigDecimal usd) {
    return usd.multiply(rate);
  }

  /** The amount in the other currency rounded to its minor unit for display (whole won for KRW). */
  public BigDecimal display(BigDecimal usd) {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return convert(usd).setScale(digits, RoundingMode.HALF_UP);
  }
}
