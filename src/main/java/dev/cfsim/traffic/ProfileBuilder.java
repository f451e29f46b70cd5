package dev.cfsim.traffic;

import static dev.cfsim.traffic.TrafficProfileWriter.plain;

import dev.cfsim.logs.TrafficTally;
import dev.cfsim.pricing.PricingRegion;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

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
  /** Scaled request counts are worked to this many places before being made whole. */
  private static final int REQUEST_DECIMALS = 12;

  private ProfileBuilder() {}

  /**
   * The profile of the logs, as {@code cfsim profile} writes it: whole requests per region, since
   * a profile counts requests (the reader refuses fractions). Counts become fractional when they
   * are scaled to a month or weighted by a real-time log's sampling rate; they are then made whole
   * by largest remainders, so the regions add up to the rounded total (rounding each region on
   * its own lost or gained a request per region at .5).
   *
   * @param scaleToMonth false: the profile holds exactly what the logs hold, priced as one
   *     month; true: every amount is multiplied by 730 / hours the logs cover
   */
  public static TrafficProfile build(TrafficTally tally, String name, boolean scaleToMonth) {
    // scaled amounts are amount * 730 / hours, divided last so 24 hours give exact figures
    BigDecimal hours =
        scaleToMonth && tally.hoursCovered() > 0 ? BigDecimal.valueOf(tally.hoursCovered()) : null;
    Map<PricingRegion, BigDecimal> requests = new EnumMap<>(PricingRegion.class);
    for (PricingRegion region : PricingRegion.values()) {
      if (!tally.region(region).isEmpty()) {
        requests.put(region, scale(exact(tally.region(region).requests()), hours, REQUEST_DECIMALS));
      }
    }
    Map<PricingRegion, BigDecimal> whole = WholeCounts.largestRemainders(requests);
    TrafficProfile.Builder b = TrafficProfile.builder(name);
    whole.forEach((region, count) -> b.region(region, traffic(tally.region(region), plain(count), hours)));
    return b.build();
  }

  /**
   * The logs' traffic as measured, requests not made whole (a sampled log's weighted count stays
   * a fraction), for pricing that scales it itself.
   */
  public static TrafficProfile measured(TrafficTally tally, String name) {
    TrafficProfile.Builder b = TrafficProfile.builder(name);
    for (PricingRegion region : PricingRegion.values()) {
      TrafficTally.RegionTotals t = tally.region(region);
      if (!t.isEmpty()) {
        b.region(region, traffic(t, plain(exact(t.requests())), null));
      }
    }
    return b.build();
  }

  private static RegionTraffic traffic(TrafficTally.RegionTotals t, BigDecimal requests, BigDecimal hours) {
    BigDecimal https = plain(exact(t.httpsRequests()).divide(exact(t.requests()), MathContext.DECIMAL64));
    return new RegionTraffic(
        requests,
        https,
        plain(scale(exact(t.bytesOut()), hours, GB_DECIMALS + 10).divide(BYTES_PER_GB, GB_DECIMALS, RoundingMode.HALF_EVEN)),
        plain(scale(exact(t.bytesToOrigin()), hours, GB_DECIMALS + 10).divide(BYTES_PER_GB, GB_DECIMALS, RoundingMode.HALF_EVEN)));
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
