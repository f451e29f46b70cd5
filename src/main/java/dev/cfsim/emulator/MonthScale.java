package dev.cfsim.emulator;

import dev.cfsim.logs.TrafficTally;
import dev.cfsim.traffic.ProfileBuilder;
import dev.cfsim.traffic.TrafficProfile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the recorded window becomes the month the cost engine prices: every recorded count is
 * multiplied by {@code times} and divided by {@code per}. Kept as a fraction, divided last, so 3,000
 * requests over 24 hours make 91,250 a month, not 91,250.00000000001 (730 / 24 has no exact
 * decimal).
 *
 * @param times the multiplier's numerator, positive (730 hours, or the month's requests)
 * @param per its denominator, positive (the hours covered, or the recorded requests)
 * @param explanation one sentence for the report's assumptions
 */
public record MonthScale(BigDecimal times, BigDecimal per, String explanation) {

  public MonthScale {
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(per, "per");
    Objects.requireNonNull(explanation, "explanation");
    if (times.signum() <= 0 || per.signum() <= 0) {
      throw new IllegalArgumentException("the month factor must be positive");
    }
  }

  /** The multiplier as one number, to 16 digits: for display. */
  public BigDecimal factor() {
    return times.divide(per, MathContext.DECIMAL64);
  }

  /** {@code v} scaled to the month: multiplied first, divided last. */
  public BigDecimal apply(BigDecimal v) {
    return v.multiply(times).divide(per, MathContext.DECIMAL64);
  }

  /** {@link #toMonth} when {@code scaleToMonth}, else {@link #asRecorded}: the --scale-to-month switch. */
  public static Function<TrafficTally, MonthScale> of(boolean scaleToMonth) {
    return scaleToMonth ? toMonth() : asRecorded();
  }

  /** The window priced as it is, as if it were the whole month. */
  public static Function<TrafficTally, MonthScale> asRecorded() {
    return t -> new MonthScale(BigDecimal.ONE, BigDecimal.ONE,
        "The recorded window is priced as the whole month (use --scale-to-month to extrapolate).");
  }

  /** The window (whole clock hours from the first to the last record) stretched to 730 hours, as cfsim profile does. */
  public static Function<TrafficTally, MonthScale> toMonth() {
    return t -> {
      long hours = t.hoursCovered();
      if (hours == 0) {
        return asRecorded().apply(t);
      }
      // logs spanning more than a month (a stray old file, say) shrink the bill: say so plainly
      String down = ProfileBuilder.coversMoreThanAMonth(t) ? " (more than a month: the counts are scaled DOWN)" : "";
      return new MonthScale(TrafficProfile.DEFAULT_HOURS, BigDecimal.valueOf(hours),
          "The logs cover " + hours + " clock hour(s)" + down + "; every count is multiplied by 730/" + hours
              + " to make a 730-hour month.");
    };
  }

  /**
   * The most requests a month a sample may stand for: ten trillion, about 3.8 million a second,
   * past any distribution, and exact in every sum the bill makes.
   */
  public static final long MAX_MONTHLY_REQUESTS = 10_000_000_000_000L;

  /** The recorded traffic as a sample of a month with {@code monthlyRequests} requests. */
  public static Function<TrafficTally, MonthScale> toRequests(BigDecimal monthlyRequests) {
    return t -> {
      if (t.requests() == 0) {
        return asRecorded().apply(t);
      }
      return new MonthScale(monthlyRequests, BigDecimal.valueOf(t.requests()),
          String.format(Locale.ROOT, "The %,.0f recorded requests are taken as a sample of a month of %,.0f requests.",
              t.requests(), monthlyRequests));
    };
  }
}
