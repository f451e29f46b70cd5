package dev.cfsim.pricing;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.Objects;

/**
 * The CloudFront Security Savings Bundle: a monthly commitment for a term, credited each month
 * as commitment ÷ {@code creditDivisor} of CloudFront usage (÷ 0.7: a 30% saving on covered
 * usage), plus AWS WAF credits.
 *
 * @param creditDivisor the commitment is divided by this to give the monthly usage credit
 * @param termMonths the commitment's term
 * @param wafCreditShare WAF usage credited, as a share of the commitment
 * @param covers components whose charges the credit covers
 * @param source where the terms were read
 */
public record SavingsBundle(
    BigDecimal creditDivisor, int termMonths, BigDecimal wafCreditShare, Set<Component> covers, Source source) {
  public SavingsBundle {
    Objects.requireNonNull(creditDivisor, "credit_divisor");
    Objects.requireNonNull(wafCreditShare, "waf_credit_share");
    Objects.requireNonNull(source, "source");
    covers = Collections.unmodifiableSet(covers.isEmpty() ? EnumSet.noneOf(Component.class) : EnumSet.copyOf(covers));
    if (creditDivisor.signum() <= 0 || creditDivisor.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("credit divisor must be in (0, 1]");
    }
  }
}
