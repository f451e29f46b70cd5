package dev.cfsim.traffic;

import static dev.cfsim.traffic.TrafficProfileWriter.plain;

import dev.cfsim.logs.TrafficTally;
import dev.cfsim.pricing.PricingRegion;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Turns what recorded logs add up to ({@link TrafficTally}) into the traffic profile the cost
 * engine prices: per pricing region, requests, the HTTPS share, data out to viewers
 * ({@code sc-bytes}) and data to the origin (bodies of POST, PUT, PATCH, DELETE and OPTIONS
 * requests). Data is in GB as AWS bills it: 1 GB = 2^30 bytes. Traffic at edge locations outside
 * the price book (unknown codes, the China network) is left out; the tally reports it.
 */
public final class ProfileBuilder {

  /** Bytes in one GB as AWS bills data transfer. */
  public static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1L << 30);

  private static final int GB_DECIMALS = 9;
  /** Requests are counted, so a month scaled from logs holds whole requests (the reader refuses fractions). */
  private static final int REQUEST_DECIMALS = 0;

  private ProfileBuilder() {}

  /**
   * The profile of the logs.
   *
   * @param scaleToMonth false: the profile holds exactly what the logs hold, priced as one
   *     month; true: every amount is multiplied by 730 / hours the logs cover
   */
  public static TrafficProfile build(TrafficTally tally, String name, boolean scaleToMonth) {
    // scaled amounts are amount * 730 / hours, divided last so 24 hours give exact figures
    BigDecimal hours =
        scaleToMonth && tally.hoursCovered() > 0 ? BigDecimal.valueOf(tally.hoursCovered()) : null;
    TrafficProfile.Builder b = TrafficProfile.builder(name);
    for (PricingRegion region : PricingRegion.values()) {
      TrafficTally.RegionTotals t = tally.region(region);
      if (t.isEmpty()) {
        continue;
      }
      BigDecimal requests = exact(t.requests());
      BigDecimal https = plain(exact(t.httpsRequests()).divide(requests, MathContext.DECIMAL64));
      b.region(
          region,
          new RegionTraffic(
              plain(scale(requests, hours, REQUEST_DECIMALS)),
              https,
              plain(scale(exact(t.bytesOut()), hours, GB_DECIMALS + 10).divide(BYTES_PER_GB, GB_DECIMALS, RoundingMode.HALF_EVEN)),
              plain(scale(exact(t.bytesToOrigin()), hours, GB_DECIMALS + 10).divide(BYTES_PER_GB, GB_DECIMALS, RoundingMode.HALF_EVEN))));
    }
    return b.build();
  }

  /**
   * 730 over the hours the logs cover (from the start of the first record's hour to the end of
   * the last's), to six decimals for display; 1 for empty logs.
   */
  public static BigDecimal monthFactor(TrafficTally tally) {
    long hours = tally.hoursCovered();
    if (hours == 0) {
      return BigDecimal.ONE;
    }
    return plain(TrafficProfile.DEFAULT_HOURS.divide(BigDecimal.valueOf(hours), 6, RoundingMode.HALF_EVEN));
  }

  /** True when the logs span more than a month, so scaling them to one scales them down. */
  public static boolean coversMoreThanAMonth(TrafficTally tally) {
    return BigDecimal.valueOf(tally.hoursCovered()).compareTo(TrafficProfile.DEFAULT_HOURS) > 0;
  }

  /** {@code v * 730 / hours} to {@code decimals} places, or v itself when not scaling. */
  private static BigDecimal scale(BigDecimal v, BigDecimal hours, int decimals) {
    if (hours == null) {
      return v;
    }
    return v.multiply(TrafficProfile.DEFAULT_HOURS).divide(hours, decimals, RoundingMode.HALF_EVEN);
  }

  /** A tally figure (a whole number unless sampling weights apply) as a decimal. */
  private static BigDecimal exact(double v) {
    return new BigDecimal(v).round(MathContext.DECIMAL64);
  }
}
