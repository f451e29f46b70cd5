package dev.cfsim.traffic;

import dev.cfsim.InvalidInputException;
import dev.cfsim.pricing.FreeTierUse;
import dev.cfsim.pricing.PriceClass;
import dev.cfsim.pricing.PricingRegion;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A month of one distribution's traffic: what the cost engine prices. The same schema is read
 * from YAML or JSON by {@link TrafficProfileReader}, written by {@link TrafficProfileWriter},
 * built from access logs, and accepted by the API (DESIGN.md, "Traffic profile").
 *
 * @param name a label for reports
 * @param hours length of the month in hours (730 unless the profile says otherwise)
 * @param priceClass which edge locations serve the distribution
 * @param freeTier whether the account's always-free tier is available
 * @param regions viewer traffic per pricing region (regions without traffic are absent)
 * @param functions CloudFront Functions invocations per request
 * @param lambdaEdge Lambda@Edge invocations, duration and memory
 * @param originShield Origin Shield region and requests
 * @param invalidationPaths invalidation paths requested in the month
 * @param realtimeLogLines real-time log lines delivered in the month
 * @param fieldLevelEncryptionRequests requests that go through field-level encryption
 * @param dedicatedIpCertificates custom SSL certificates served from dedicated IPs (may be
 *     fractional: the charge is pro-rated by the hour)
 * @param kvsApiCalls CloudFront KeyValueStore API calls in the month (keys put, listed or read
 *     through the API, as a deployment updating a redirect table does; reads from functions are
 *     {@code functions.kvs_reads_per_invocation})
 * @param source the file or label ({@code request body}) the profile was read from, so errors
 *     found while pricing it name the input; empty when built in code
 */
public record TrafficProfile(
    String name,
    BigDecimal hours,
    PriceClass priceClass,
    FreeTierUse freeTier,
    Map<PricingRegion, RegionTraffic> regions,
    FunctionUsage functions,
    LambdaEdgeUsage lambdaEdge,
    OriginShieldUsage originShield,
    BigDecimal invalidationPaths,
    BigDecimal realtimeLogLines,
    BigDecimal fieldLevelEncryptionRequests,
    BigDecimal dedicatedIpCertificates,
    BigDecimal kvsApiCalls,
    String source) {

  /** A month as AWS prices it: 730 hours. */
  public static final BigDecimal DEFAULT_HOURS = new BigDecimal(730);

  public TrafficProfile {
    name = name == null || name.isBlank() ? "profile" : name.strip();
    Amounts.positive(hours, "hours");
    Amounts.required(priceClass, "price_class");
    Amounts.required(freeTier, "free_tier");
    Amounts.required(regions, "regions");
    EnumMap<PricingRegion, RegionTraffic> copy = new EnumMap<>(PricingRegion.class);
    regions.forEach(
        (region, traffic) -> {
          if (region == null || traffic == null) {
            throw new InvalidInputException(Amounts.SOURCE, "regions", "has an empty region or entry");
          }
          copy.put(region, traffic);
        });
    regions = Collections.unmodifiableMap(copy);
    Amounts.required(functions, "functions");
    Amounts.required(lambdaEdge, "lambda_edge");
    Amounts.required(originShield, "origin_shield");
    Amounts.nonNegative(invalidationPaths, "invalidation_paths");
    Amounts.nonNegative(realtimeLogLines, "realtime_log_lines");
    Amounts.nonNegative(fieldLevelEncryptionRequests, "field_level_encryption_requests");
    Amounts.nonNegative(dedicatedIpCertificates, "dedicated_ip_certificates");
    Amounts.nonNegative(kvsApiCalls, "kvs_api_calls");
    BigDecimal requests = BigDecimal.ZERO;
    BigDecimal httpsRequests = BigDecimal.ZERO;
    for (RegionTraffic t : regions.values()) {
      requests = requests.add(t.requests());
      httpsRequests = httpsRequests.add(t.httpsRequests());
    }
    Amounts.perRequest(originShield.requests(), requests, "viewer requests", "origin_shield.requests",
        "each request to Origin Shield is one a viewer made that the edge could not answer from its cache");
    Amounts.perRequest(realtimeLogLines, requests, "viewer requests", "realtime_log_lines",
        "a real-time log has at most one line per request");
    Amounts.perRequest(fieldLevelEncryptionRequests, httpsRequests, "HTTPS requests", "field_level_encryption_requests",
        "field-level encryption works on HTTPS requests, and is charged on top of their request fee");
    source = source == null ? "" : source;
  }

  /** What an error about this profile names: the input it was read from, else its name. */
  public String errorSource() {
    return source.isEmpty() ? name : source;
  }

  /** Viewer requests in the month, all regions together. */
  public BigDecimal totalRequests() {
    return regions.values().stream().map(RegionTraffic::requests).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Data transfer out to viewers in GB, all regions together. */
  public BigDecimal totalDataOutGb() {
    return regions.values().stream().map(RegionTraffic::dataOutGb).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** CloudFront Functions invocations in the month (viewer request and viewer response). */
  public BigDecimal functionInvocations() {
    return totalRequests().multiply(functions.invocationsPerRequest());
  }

  /** CloudFront KeyValueStore reads made by those invocations. */
  public BigDecimal kvsReads() {
    return functionInvocations().multiply(functions.kvsReadsPerInvocation());
  }

  /** Lambda@Edge invocations in the month. */
  public BigDecimal lambdaEdgeInvocations() {
    return totalRequests().multiply(lambdaEdge.invocationsPerRequest());
  }

  /** A builder with the schema's defaults: 730 hours, price class all, the account's free tier. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a profile field by field; unset fields take the schema's defaults. */
  public static final class Builder {
    private final String name;
    private BigDecimal hours = DEFAULT_HOURS;
    private PriceClass priceClass = PriceClass.ALL;
    private FreeTierUse freeTier = FreeTierUse.ACCOUNT;
    private final Map<PricingRegion, RegionTraffic> regions = new EnumMap<>(PricingRegion.class);
    private FunctionUsage functions = FunctionUsage.NONE;
    private LambdaEdgeUsage lambdaEdge = LambdaEdgeUsage.NONE;
    private OriginShieldUsage originShield = OriginShieldUsage.NONE;
    private String source = "";
    private BigDecimal invalidationPaths = BigDecimal.ZERO;
    private BigDecimal realtimeLogLines = BigDecimal.ZERO;
    private BigDecimal fieldLevelEncryptionRequests = BigDecimal.ZERO;
    private BigDecimal dedicatedIpCertificates = BigDecimal.ZERO;
    private BigDecimal kvsApiCalls = BigDecimal.ZERO;

    private Builder(String name) {
      this.name = name;
    }

    public Builder hours(BigDecimal value) {
      hours = value;
      return this;
    }

    public Builder priceClass(PriceClass value) {
      priceClass = value;
      return this;
    }

    public Builder freeTier(FreeTierUse value) {
      freeTier = value;
      return this;
    }

    /** Sets (replaces) one region's traffic. */
    public Builder region(PricingRegion region, RegionTraffic traffic) {
      regions.put(region, traffic);
      return this;
    }

    public Builder functions(FunctionUsage value) {
      functions = value;
      return this;
    }

    public Builder lambdaEdge(LambdaEdgeUsage value) {
      lambdaEdge = value;
      return this;
    }

    /** The file or label the profile was read from. */
    public Builder source(String value) {
      source = value;
      return this;
    }

    public Builder originShield(OriginShieldUsage value) {
      originShield = value;
      return this;
    }

    public Builder invalidationPaths(BigDecimal value) {
      invalidationPaths = value;
      return this;
    }

    public Builder realtimeLogLines(BigDecimal value) {
      realtimeLogLines = value;
      return this;
    }

    public Builder fieldLevelEncryptionRequests(BigDecimal value) {
      fieldLevelEncryptionRequests = value;
      return this;
    }

    public Builder dedicatedIpCertificates(BigDecimal value) {
      dedicatedIpCertificates = value;
      return this;
    }

    public Builder kvsApiCalls(BigDecimal value) {
      kvsApiCalls = value;
      return this;
    }

    public TrafficProfile build() {
      return new TrafficProfile(
          name, hours, priceClass, freeTier, regions, functions, lambdaEdge, originShield,
          invalidationPaths, realtimeLogLines, fieldLevelEncryptionRequests, dedicatedIpCertificates, kvsApiCalls,
          source);
    }
  }
}
