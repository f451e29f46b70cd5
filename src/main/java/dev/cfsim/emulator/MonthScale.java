package dev.cfsim.emulator;

import dev.cfsim.logs.TrafficTally;
import dev.cfsim.traffic.TrafficProfile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the recorded window becomes the month the cost engine prices: every recorded count is
 * multiplied by {@code factor}.
 *
 * @param factor the multiplier, positive
 * @param explanation one sentence for the report's assumptions
 */
public record MonthScale(BigDecimal factor, String explanation) {

  public MonthScale {
    Objects.requireNonNull(factor, "factor");
    Objects.requireNonNull(explanation, "explanation");
    if (factor.signum() <= 0) {
      throw new IllegalArgumentException("the month factor must be positive");
    }
  }

  /** {@link #toMonth} when {@code scaleToMonth}, else {@link #asRecorded}: the --scale-to-month switch. */
  public static Function<TrafficTally, MonthScale> of(boolean scaleToMonth) {
    return scaleToMonth ? toMonth() : asRecorded();
  }

  /** The window priced as it is, as if it were the whole month. */
  public static Function<TrafficTally, MonthScale> asRecorded() {
    return t -> new MonthScale(BigDecimal.ONE,
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
      String down = hours > 730 ? " (more than a month: the counts are scaled DOWN)" : "";
      return new MonthScale(TrafficProfile.DEFAULT_HOURS.divide(BigDecimal.valueOf(hours), MathContext.DECIMAL64),
          "The logs cover " + hours + " clock hour(s)" + down + "; every count is multiplied by 730/" + hours
              + " to make a 730-hour month.");
    };
  }

  /** The recorded traffic as a sample of a month with {@code monthlyRequests} requests. */
  public static Function<TrafficTally, MonthScale> toRequests(BigDecimal monthlyRequests) {
    return t -> {
      if (t.requests() == 0) {
        return asRecorded().apply(t);
      }
      return new MonthScale(monthlyRequests.divide(BigDecimal.valueOf(t.requests()), MathContext.DECIMAL64),
          String.format(Locale.ROOT, "The %,.0f recorded requests are taken as a sample of a month of %,.0f requests.",
              t.requests(), monthlyRequests));
    };
  }
}
