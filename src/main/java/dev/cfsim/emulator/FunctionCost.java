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
 * @param withFollowUps the estimate with the function when this distribution also serves the
 *     redirects' targets, so their follow-up requests come here too; null when nothing was redirected
 *     or the follow-ups are not known
 * @param monthlyFollowUps those follow-up requests in the month priced
 * @param assumptions what the comparison assumes, for the report
 */
public record FunctionCost(
    BigDecimal scale, CostEstimate withFunction, CostEstimate withLambdaEdge, CostEstimate withFollowUps,
    BigDecimal monthlyFollowUps, List<String> assumptions) {

  public FunctionCost {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(withFunction, "withFunction");
    Objects.requireNonNull(withLambdaEdge, "withLambdaEdge");
    assumptions = List.copyOf(assumptions);
  }

  /** Prices the recorded traffic, multiplied by {@code scale}, as a month; no follow-ups priced. */
  public static FunctionCost price(TrafficTally traffic, MonthScale monthScale, PriceBook book, String name) {
    return price(traffic, Map.of(), monthScale, book, name);
  }

  /**
   * Prices the recorded traffic, multiplied by {@code scale}, as a month, and the same month with
   * the follow-up requests of its redirects ({@code followUps}, per pricing region, as recorded)
   * served by this distribution too.
   */
  public static FunctionCost price(TrafficTally traffic, Map<PricingRegion, Double> followUps, MonthScale monthScale,
      PriceBook book, String name) {
    List<String> assumptions = new ArrayList<>();
    BigDecimal scale = monthScale.factor();
    assumptions.add(monthScale.explanation());
    TrafficProfile.Builder profile = TrafficProfile.builder(name);
    ProfileBuilder.measured(traffic, name).regions().forEach((region, t) -> profile.region(region,
        new RegionTraffic(monthScale.apply(t.requests()), t.httpsShare(), monthScale.apply(t.dataOutGb()),
            monthScale.apply(t.dataToOriginGb()))));
    String protocol = traffic.protocolAssumption();
    if (protocol != null) {
      assumptions.add(protocol + ".");
    }
    String unpriced = traffic.unpricedTraffic();
    if (unpriced != null) {
      assumptions.add(unpriced + ", nor their function invocations.");
    }
    TrafficProfile withFunction = profile
        .functions(new FunctionUsage(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO))
        .build();
    TrafficProfile withLambdaEdge = profile
        .functions(FunctionUsage.NONE)
        .lambdaEdge(new LambdaEdgeUsage(BigDecimal.ONE, LambdaEdgeUsage.NONE.durationMs(), LambdaEdgeUsage.NONE.memoryMb()))
        .build();
    assumptions.add("The rules run as one viewer-request CloudFront Function invocation per request.");
    assumptions.add("Lambda@Edge comparison: one viewer-request invocation per request, "
        + LambdaEdgeUsage.NONE.durationMs() + " ms billed, " + LambdaEdgeUsage.NONE.memoryMb()
        + " MB; note that a Lambda@Edge viewer-request function does not receive CloudFront's geo and"
        + " device headers, so the same logic would need an origin-request trigger or its own lookups.");
    CostEstimate withFollowUps = null;
    BigDecimal monthlyFollowUps = BigDecimal.ZERO;
    if (!followUps.isEmpty()) {
      TrafficProfile.Builder served = TrafficProfile.builder(name);
      withFunction.regions().forEach(served::region);
      for (Map.Entry<PricingRegion, Double> f : followUps.entrySet()) {
        BigDecimal more = monthScale.apply(BigDecimal.valueOf(f.getValue()));
        monthlyFollowUps = monthlyFollowUps.add(more);
        served.region(f.getKey(), withFollowUps(withFunction.regions().get(f.getKey()), more));
      }
      withFollowUps = CostEngine.estimate(
          served.functions(new FunctionUsage(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO)).build(),
          book, EstimateOptions.AS_PROFILED);
      assumptions.add("Follow-ups: each redirect makes the viewer request its target from the same place. If this"
          + " distribution serves the targets too (the function running there again), the month has up to "
          + String.format(Locale.ROOT, "%,.0f", monthlyFollowUps)
          + " more HTTPS requests and invocations, and the same data transfer (the follow-ups carry what the redirected"
          + " requests did). Up to: these logs show every request at the redirecting site, where a viewer sent"
          + " to another site would stay on it after the first redirect.");
    }
    return new FunctionCost(scale,
        CostEngine.estimate(withFunction, book, EstimateOptions.AS_PROFILED),
        CostEngine.estimate(withLambdaEdge, book, EstimateOptions.AS_PROFILED),
        withFollowUps, monthlyFollowUps, assumptions);
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
