package dev.cfsim.pricing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every CloudFront charge at one point in time, each figure with its source. One JSON file per
 * version under {@code pricing/}, read by {@link PriceBookReader}; its id is the date the prices
 * took effect.
 *
 * @param id the version: the date the prices took effect, e.g. {@code 2025-11-18}
 * @param currency always {@code USD}: AWS bills CloudFront in dollars
 * @param title a one-line description
 * @param notes facts a reader of any estimate should know (tax, units)
 * @param regions prices per pricing region; all eight are present
 * @param functions CloudFront Functions invocations
 * @param kvsReads CloudFront KeyValueStore reads from functions
 * @param kvsApiCalls CloudFront KeyValueStore API calls (keys put, listed or read through the
 *     API, as a deployment updating a redirect table does), per month
 * @param lambdaEdgeRequests Lambda@Edge requests
 * @param lambdaEdgeDuration Lambda@Edge duration in GB-seconds
 * @param originShield Origin Shield requests, by AWS Region code ({@code ap-northeast-2})
 * @param invalidations invalidation paths (tiered: the first 1,000 a month cost nothing)
 * @param realtimeLogs real-time log lines
 * @param fieldLevelEncryption requests through field-level encryption (on top of the request fee)
 * @param dedicatedIp dedicated IP custom SSL certificates, per month
 * @param freeTier the account's always-free monthly allowances
 * @param priceClasses which regions each price class serves
 * @param plans the flat-rate plans
 * @param savingsBundle the Security Savings Bundle's terms
 */
public record PriceBook(
    String id,
    String currency,
    String title,
    List<String> notes,
    Map<PricingRegion, RegionalPrices> regions,
    Rate functions,
    Rate kvsReads,
    Rate kvsApiCalls,
    Rate lambdaEdgeRequests,
    Rate lambdaEdgeDuration,
    Map<String, Rate> originShield,
    TieredRate invalidations,
    Rate realtimeLogs,
    Rate fieldLevelEncryption,
    Rate dedicatedIp,
    FreeTier freeTier,
    Map<PriceClass, PriceClassRule> priceClasses,
    List<FlatRatePlan> plans,
    SavingsBundle savingsBundle) {

  public PriceBook {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(currency, "currency");
    title = title == null ? "" : title;
    notes = List.copyOf(notes);
    regions = Collections.unmodifiableMap(new EnumMap<>(regions));
    for (PricingRegion r : PricingRegion.values()) {
      if (!regions.containsKey(r)) {
        throw new IllegalArgumentException("price book " + id + " has no prices for region " + r);
      }
    }
    Objects.requireNonNull(functions, "functions");
    Objects.requireNonNull(kvsReads, "kvs_reads");
    Objects.requireNonNull(kvsApiCalls, "kvs_api_calls");
    Objects.requireNonNull(lambdaEdgeRequests, "lambda_edge_requests");
    Objects.requireNonNull(lambdaEdgeDuration, "lambda_edge_duration");
    originShield = Collections.unmodifiableMap(new TreeMap<>(originShield));
    Objects.requireNonNull(invalidations, "invalidations");
    Objects.requireNonNull(realtimeLogs, "realtime_logs");
    Objects.requireNonNull(fieldLevelEncryption, "field_level_encryption");
    Objects.requireNonNull(dedicatedIp, "dedicated_ip");
    Objects.requireNonNull(freeTier, "free_tier");
    priceClasses = Collections.unmodifiableMap(new EnumMap<>(priceClasses));
    for (PriceClass pc : PriceClass.values()) {
      if (!priceClasses.containsKey(pc)) {
        throw new IllegalArgumentException("price book " + id + " does not define " + pc.awsName());
      }
    }
    plans = List.copyOf(plans);
    Objects.requireNonNull(savingsBundle, "savings_bundle");
  }

  /** The prices of one region. */
  public RegionalPrices region(PricingRegion region) {
    return regions.get(region);
  }

  /** The Origin Shield rate for an AWS Region code, if the book knows it. */
  public Optional<Rate> originShieldRate(String awsRegion) {
    return Optional.ofNullable(originShield.get(awsRegion));
  }
}
