package dev.cfsim.emulator;

import dev.cfsim.logs.TrafficTally;
import dev.cfsim.pricing.Component;
import dev.cfsim.pricing.CostEngine;
import dev.cfsim.pricing.CostEstimate;
import dev.cfsim.pricing.CostLine;
import dev.cfsim.pricing.EstimateOptions;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.traffic.FunctionUsage;
import dev.cfsim.traffic.LambdaEdgeUsage;
import dev.cfsim.traffic.ProfileBuilder;
import dev.cfsim.traffic.RegionTraffic;
import dev.cfsim.traffic.TrafficProfile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What running the rules costs: the replayed traffic priced as a month by the
 * {@link CostEngine}, once with the rules as a viewer-request CloudFront Function (one
 * invocation per request) and once with the same invocations on Lambda@Edge instead.
 *
 * @param scale the factor applied to the recorded counts (1 when the window is priced as it is)
 * @param withFunction the full estimate with the CloudFront Function
 * @param withLambdaEdge the same traffic with a Lambda@Edge viewer-request function instead
 * @param assumptions what the comparison assumes, for the report
 */
public record FunctionCost(
    BigDecimal scale, CostEstimate withFunction, CostEstimate withLambdaEdge, List<String> assumptions) {

  public FunctionCost {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(withFunction, "withFunction");
    Objects.requireNonNull(withLambdaEdge, "withLambdaEdge");
    assumptions = List.copyOf(assumptions);
  }

  /** Prices the recorded traffic, multiplied by {@code scale}, as a month. */
  public static FunctionCost price(TrafficTally traffic, MonthScale monthScale, PriceBook book, String name) {
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
    return new FunctionCost(scale,
        CostEngine.estimate(withFunction, book, EstimateOptions.AS_PROFILED),
        CostEngine.estimate(withLambdaEdge, book, EstimateOptions.AS_PROFILED),
        assumptions);
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
