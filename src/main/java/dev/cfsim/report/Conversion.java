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
 * @param rate units of that currency per US dollar
 */
public record Conversion(String currency, BigDecimal rate) {
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
    if (rate.signum() <= 0) {
      throw new InvalidInputException("--fx", "", "must be greater than 0 (got " + rate.toPlainString() + ")");
    }
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
