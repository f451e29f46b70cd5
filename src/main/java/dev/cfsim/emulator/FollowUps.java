package dev.cfsim.emulator;

import dev.cfsim.logs.RequestRecord;
import dev.cfsim.logs.TrafficTally;
import dev.cfsim.pricing.PricingRegion;
import java.util.EnumMap;
import java.util.Map;

/**
 * Redirected requests per pricing region of the edge location that answered them: each makes
 * the viewer send a follow-up request to the redirect's target, from the same place, so if
 * CloudFront serves the target too, the month holds that many more requests there. Requests at
 * edge locations outside the price book are left out, as the bill leaves them out. Not
 * thread-safe: one per thread, {@link #merge}d.
 */
public final class FollowUps {
  /** An empty tally. */
  public FollowUps() {}

  /** Requests per pricing region (by ordinal), and the bytes their logged responses carried. */
  private final double[] requests = new double[PricingRegion.values().length];
  private final double[] bytesOut = new double[PricingRegion.values().length];
  private final double[] bytesToOrigin = new double[PricingRegion.values().length];

  /**
   * Counts a redirected request answered in {@code region}; nothing when the region is null
   * (an edge location outside the price book, which the bill leaves out too).
   */
  public void add(RequestRecord redirected, PricingRegion region) {
    if (region == null) {
      return;
    }
    int r = region.ordinal();
    double w = redirected.weight();
    requests[r] += w;
    bytesOut[r] += w * redirected.bytesSent();
    if (TrafficTally.PROXY_METHODS.contains(redirected.method())) {
      bytesToOrigin[r] += w * redirected.bytesReceived();
    }
  }

  void merge(FollowUps other) {
    for (int i = 0; i < requests.length; i++) {
      requests[i] += other.requests[i];
      bytesOut[i] += other.bytesOut[i];
      bytesToOrigin[i] += other.bytesToOrigin[i];
    }
  }

  /** What was redirected in each pricing region with some, weighted as requests are. */
  public Map<PricingRegion, Totals> byRegion() {
    Map<PricingRegion, Totals> out = new EnumMap<>(PricingRegion.class);
    for (PricingRegion r : PricingRegion.values()) {
      int i = r.ordinal();
      if (requests[i] > 0) {
        out.put(r, new Totals(requests[i], bytesOut[i], bytesToOrigin[i]));
      }
    }
    return out;
  }

  /**
   * Redirected requests, each a follow-up if the target is served here too, and the bytes their
   * logged responses carried to viewers and to the origin, which leave this bill if it is not.
   */
  public record Totals(double requests, double bytesOut, double bytesToOrigin) {}
}
