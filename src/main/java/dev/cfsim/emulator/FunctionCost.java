package dev.cfsim.emulator;

import dev.cfsim.logs.TrafficTally;
import dev.cfsim.pricing.Component;
import dev.cfsim.pricing.CostEngine;
import dev.cfsim.pricing.CostEstimate;
import dev.cfsim.pricing.CostLine;
import dev.cfsim.pricing.EstimateOptions;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.pricing.PricingRegion;
import dev.cfsim.traffic.FunctionUsage;
import dev.cfsim.traffic.LambdaEdgeUsage;
import dev.cfsim.traffic.ProfileBuilder;
import dev.cfsim.traffic.RegionTraffic;
import dev.cfsim.traffic.TrafficProfile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What running the rules costs: the replayed traffic priced as a month by the
 * {@link CostEngine}, once with the rules as a viewer-request CloudFront Function (one
 * invocation per request) and once with the same invocations on Lambda@Edge instead.
 *
 * @param scale the factor applied to the recorded counts (1 when the window is priced as it is)
 * @param withFunction the full estimate with the CloudFront Function
 * @param withLambdaEdge the same traffic with a Lambda@Edge viewer-request function instead
 * @param targetsElsewhere the estimate with the function and the redirects in force, their targets
 *     served elsewhere: the redirected responses' bytes leave this bill; null when nothing was
 *     redirected or the redirects are not known
 * @param withFollowUps the estimate with the function when this distribution also serves the
 *     redirects' targets, so their follow-up requests come here too; null when nothing was redirected
 *     or the follow-ups are not known
 * @param monthlyFollowUps those follow-up requests in the month priced
 * @param assumptions what the comparison assumes, for the report
 */
public record FunctionCost(
    BigDecimal scale, CostEstimate withFunction, CostEstimate withLambdaEdge, CostEstimate targetsElsewhere,
    CostEstimate withFollowUps, BigDecimal monthlyFollowUps, List<String> assumptions) {

  public FunctionCost {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(withFunction, "withFunction");
    Objects.requireNonNull(withLambdaEdge, "withLambdaEdge");
    assumptions = List.copyOf(assumptions);
  }

  /**
   * Prices the recorded traffic, multiplied by {@code scale}, as a month, and, when {@code
   * redirects} holds some, the same month with the redirects in force: their targets served
   * elsewhere, or by this distribution too.
   */
  public static FunctionCost price(TrafficTally traffic, FollowUps redirects, MonthScale monthScale,
      PriceBook book, String name) {
    List<String> assumptions = new ArrayList<>();
    BigDecimal scale = monthScale.factor();
    assumptions.add(monthScale.explanation());
    TrafficProfile.Builder profile = TrafficProfile.builder(name);
    // data from the recorded bytes, scaled before they become GB: scaling GB already rounded to nine
    // places lost 3,226 GB of 9.3 M when one line stood for ten trillion requests
    ProfileBuilder.measured(traffic, name).regions().forEach((region, t) -> profile.region(region,
        new RegionTraffic(monthScale.apply(t.requests()), t.httpsShare(),
            gigabytes(traffic.region(region).bytesOut(), monthScale),
            gigabytes(traffic.region(region).bytesToOrigin(), monthScale))));
    String protocol = traffic.protocolAssumption();
    if (protocol != null) {
      assumptions.add(protocol + ".");
    }
    String unpriced = traffic.unpricedTraffic();
    if (unpriced != null) {
      assumptions.add(unpriced + ", nor their function invocations.");
    }
    TrafficProfile withFunction = profile.functions(ONE_INVOCATION_PER_REQUEST).build();
    TrafficProfile withLambdaEdge = profile
        .functions(FunctionUsage.NONE)
        .lambdaEdge(new LambdaEdgeUsage(BigDecimal.ONE, LambdaEdgeUsage.NONE.durationMs(), LambdaEdgeUsage.NONE.memoryMb()))
        .build();
    assumptions.add("The rules run as one viewer-request CloudFront Function invocation per request.");
    assumptions.add("Lambda@Edge comparison: one viewer-request invocation per request, "
        + LambdaEdgeUsage.NONE.durationMs() + " ms billed, " + LambdaEdgeUsage.NONE.memoryMb()
        + " MB; note that a Lambda@Edge viewer-request function does not receive CloudFront's geo and"
        + " device headers, so the same logic would need an origin-request trigger or its own lookups.");
    Map<PricingRegion, FollowUps.Totals> redirected = redirects.byRegion();
    Scenarios scenarios = redirected.isEmpty() ? null
        : scenarios(withFunction, redirected, monthScale, book, assumptions);
    return new FunctionCost(scale,
        CostEngine.estimate(withFunction, book, EstimateOptions.AS_PROFILED),
        CostEngine.estimate(withLambdaEdge, book, EstimateOptions.AS_PROFILED),
        scenarios == null ? null : scenarios.targetsElsewhere,
        scenarios == null ? null : scenarios.targetsHere,
        scenarios == null ? BigDecimal.ZERO : scenarios.followUps, assumptions);
  }

  /** The rules as a viewer-request function: one invocation per request, nothing else. */
  private static final FunctionUsage ONE_INVOCATION_PER_REQUEST =
      new FunctionUsage(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO);

  private record Scenarios(CostEstimate targetsElsewhere, CostEstimate targetsHere, BigDecimal followUps) {}

  /**
   * The month with the redirects in force. Targets elsewhere: the redirected requests still come
   * here and run the function, but are answered with a redirect instead of the response the logs
   * show, whose bytes now leave from where the targets are served. Targets here: each redirect
   * also brings its follow-up request (and invocation), which carries what the redirected request did.
   */
  private static Scenarios scenarios(TrafficProfile asLogged, Map<PricingRegion, FollowUps.Totals> redirected,
      MonthScale monthScale, PriceBook book, List<String> assumptions) {
    TrafficProfile.Builder elsewhere = TrafficProfile.builder(asLogged.name());
    TrafficProfile.Builder here = TrafficProfile.builder(asLogged.name());
    asLogged.regions().forEach((region, t) -> {
      elsewhere.region(region, t);
      here.region(region, t);
    });
    BigDecimal followUps = BigDecimal.ZERO;
    BigDecimal bytesMoved = BigDecimal.ZERO;
    for (Map.Entry<PricingRegion, FollowUps.Totals> f : redirected.entrySet()) {
      RegionTraffic t = asLogged.regions().get(f.getKey());
      BigDecimal more = monthScale.apply(BigDecimal.valueOf(f.getValue().requests()));
      followUps = followUps.add(more);
      here.region(f.getKey(), withFollowUps(t, more));
      BigDecimal out = gigabytes(f.getValue().bytesOut(), monthScale);
      bytesMoved = bytesMoved.add(out);
      if (t != null) {
        elsewhere.region(f.getKey(), new RegionTraffic(t.requests(), t.httpsShare(),
            t.dataOutGb().subtract(out).max(BigDecimal.ZERO),
            t.dataToOriginGb().subtract(gigabytes(f.getValue().bytesToOrigin(), monthScale)).max(BigDecimal.ZERO)));
      }
    }
    assumptions.add("With the redirects, targets served elsewhere: the redirected requests still come here and"
        + " run the function, but are answered with a redirect instead of the responses the logs show, whose "
        + String.format(Locale.ROOT, "%,.1f", bytesMoved) + " GB a month leave from where the targets are served;"
        + " the redirects' own few hundred bytes each are left out.");
    assumptions.add("With the redirects, targets served here too: each redirect makes the viewer request its"
        + " target from the same place, so the month has up to " + String.format(Locale.ROOT, "%,.0f", followUps)
        + " more HTTPS requests and invocations, and the same data transfer (the follow-ups carry what the"
        + " redirected requests did). Up to: these logs show every request at the redirecting site, where a"
        + " viewer sent to another site would stay on it after the first redirect.");
    return new Scenarios(
        CostEngine.estimate(elsewhere.functions(ONE_INVOCATION_PER_REQUEST).build(), book, EstimateOptions.AS_PROFILED),
        CostEngine.estimate(here.functions(ONE_INVOCATION_PER_REQUEST).build(), book, EstimateOptions.AS_PROFILED),
        followUps);
  }

  /** Recorded bytes as the month's GB (2^30 bytes, as AWS bills), to the profile's nine places. */
  private static BigDecimal gigabytes(double bytes, MonthScale monthScale) {
    return monthScale.apply(BigDecimal.valueOf(bytes)).divide(ProfileBuilder.BYTES_PER_GB, 9, RoundingMode.HALF_EVEN);
  }

  /** A region's traffic with {@code more} HTTPS requests and no more data. */
  private static RegionTraffic withFollowUps(RegionTraffic t, BigDecimal more) {
    if (t == null) {
      return new RegionTraffic(more, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO);
    }
    BigDecimal requests = t.requests().add(more);
    BigDecimal https = t.requests().multiply(t.httpsShare()).add(more).divide(requests, MathContext.DECIMAL64);
    return new RegionTraffic(requests, https, t.dataOutGb(), t.dataToOriginGb());
  }

  /** The CloudFront Functions line of the bill (invocations, free tier, charge); zero without traffic. */
  public CostLine functionsLine() {
    return withFunction.lines().stream().filter(l -> l.component() == Component.FUNCTIONS).findFirst()
        .orElse(new CostLine(Component.FUNCTIONS, null, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, ""));
  }

  /** Invocations priced for the month (after scaling). */
  public BigDecimal monthlyInvocations() {
    return functionsLine().quantity();
  }

  /** What the CloudFront Function adds to the bill, free tier applied. */
  public BigDecimal functionsUsd() {
    return withFunction.usd(Component.FUNCTIONS);
  }

  /** What the same invocations would cost on Lambda@Edge: requests plus duration. */
  public BigDecimal lambdaEdgeUsd() {
    return withLambdaEdge.usd(Component.LAMBDA_EDGE_REQUESTS).add(withLambdaEdge.usd(Component.LAMBDA_EDGE_DURATION));
  }
}
