package dev.cfsim.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfsim.InvalidInputException;
import dev.cfsim.UserFiles;
import dev.cfsim.pricing.FreeTierUse;
import dev.cfsim.pricing.PriceClass;
import dev.cfsim.pricing.PricingRegion;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a traffic profile from YAML or JSON (DESIGN.md, "Traffic profile"). Refuses anything it
 * does not understand (unknown region or key, negative or non-numeric values, bad units, region
 * shares that do not sum to 1) with an {@link InvalidInputException} naming the file and field.
 *
 * <p>Besides absolute amounts per region, a profile may give a {@code total} and a {@code share}
 * per region ({@code regions: {ap: {share: 0.8}, us: {share: 0.2}}}); the shares must sum to 1.
 */
public final class TrafficProfileReader {
  private static final Set<String> TOP =
      Set.of("name", "hours", "price_class", "free_tier", "regions", "total", "functions", "lambda_edge",
          "origin_shield", "invalidation_paths", "realtime_log_lines", "field_level_encryption_requests",
          "dedicated_ip_certificates", "kvs_api_calls");
  private static final Set<String> AMOUNTS =
      Set.of("requests", "requests_per_hour", "https_share", "data_out", "data_to_origin");
  private static final Set<String> REGION =
      Set.of("requests", "requests_per_hour", "https_share", "data_out", "data_to_origin", "share");
  private static final BigDecimal SHARE_TOLERANCE = new BigDecimal("0.000001");

  private TrafficProfileReader() {}

  /** Reads a profile file; the file name appears in every error. */
  public static TrafficProfile read(Path file) throws IOException {
    return parse(file.toString(), UserFiles.readText(file));
  }

  /** Parses a profile from text; {@code source} (a file name or "request body") names it in errors. */
  public static TrafficProfile parse(String source, String text) {
    return read(InputNode.parse(source, text));
  }

  /**
   * Reads a profile from a JSON tree already parsed with big decimals for fractions (the API
   * parses a body once, checking its limits); {@code source} names it in errors.
   */
  public static TrafficProfile parse(String source, JsonNode json) {
    return read(InputNode.of(source, json));
  }

  private static TrafficProfile read(InputNode document) {
    InputNode root = document.object(TOP);
    String source = root.source();
    try {
      return build(root);
    } catch (InvalidInputException e) {
      if (e.source().equals(Amounts.SOURCE)) { // a record's own check: give it the file name
        throw new InvalidInputException(source, e.location(), e.problem(), e);
      }
      throw e;
    }
  }

  private static TrafficProfile build(InputNode root) {
    BigDecimal hours = root.optional("hours").map(InputNode::nonNegative).orElse(TrafficProfile.DEFAULT_HOURS);
    if (hours.signum() == 0) {
      throw root.field("hours").invalid("must be greater than 0");
    }
    TrafficProfile.Builder b =
        TrafficProfile.builder(root.optional("name").map(InputNode::text).orElse(defaultName(root.source())))
            .source(root.source())
            .hours(hours);
    root.optional("price_class").ifPresent(n -> b.priceClass(PriceClass.parse(n.text(), n.source(), n.path())));
    root.optional("free_tier").ifPresent(n -> b.freeTier(FreeTierUse.parse(n.text(), n.source(), n.path())));
    regions(root, hours).forEach(b::region);
    root.optional("functions").ifPresent(n -> b.functions(functions(n)));
    root.optional("lambda_edge").ifPresent(n -> b.lambdaEdge(lambdaEdge(n)));
    root.optional("origin_shield").ifPresent(n -> b.originShield(originShield(n)));
    root.optional("invalidation_paths").ifPresent(n -> b.invalidationPaths(n.count()));
    root.optional("realtime_log_lines").ifPresent(n -> b.realtimeLogLines(n.count()));
    root.optional("field_level_encryption_requests").ifPresent(n -> b.fieldLevelEncryptionRequests(n.count()));
    root.optional("dedicated_ip_certificates").ifPresent(n -> b.dedicatedIpCertificates(n.count()));
    root.optional("kvs_api_calls").ifPresent(n -> b.kvsApiCalls(n.count()));
    return b.build();
  }

  /** A profile without a name is named after its file: {@code shop.yaml} → {@code shop}. */
  private static String defaultName(String source) {
    String file = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  private static Map<PricingRegion, RegionTraffic> regions(InputNode root, BigDecimal hours) {
    Map<String, InputNode> entries = root.field("regions").entries();
    if (entries.isEmpty()) {
      throw root.field("regions").invalid("lists no region (expected some of: " + PricingRegion.allIds() + ")");
    }
    long withShare = entries.values().stream().filter(n -> n.object(REGION).has("share")).count();
    if (withShare > 0 && withShare < entries.size()) {
      throw root.field("regions").invalid("give every region a share, or none");
    }
    if (withShare == 0 && root.has("total")) {
      throw root.field("total").invalid("is only used with region shares (regions.<id>.share)");
    }
    RegionTraffic total = withShare == 0 ? null : amounts(root.field("total").object(AMOUNTS), hours);
    Map<PricingRegion, RegionTraffic> out = new EnumMap<>(PricingRegion.class);
    BigDecimal shares = BigDecimal.ZERO;
    for (Map.Entry<String, InputNode> e : entries.entrySet()) {
      InputNode n = e.getValue();
      PricingRegion region =
          PricingRegion.fromId(e.getKey())
              .orElseThrow(() -> n.invalid("unknown pricing region (expected one of: " + PricingRegion.allIds() + ")"));
      if (out.containsKey(region)) {
        throw n.invalid("region given twice");
      }
      if (total == null) {
        out.put(region, amounts(n, hours));
      } else {
        BigDecimal share = n.field("share").share();
        shares = shares.add(share);
        for (String key : new String[] {"requests", "requests_per_hour", "data_out", "data_to_origin"}) {
          if (n.has(key)) {
            throw n.field(key).invalid("not allowed with a share: give it under total");
          }
        }
        BigDecimal https = n.optional("https_share").map(InputNode::share).orElse(total.httpsShare());
        out.put(region, new RegionTraffic(total.requests().multiply(share), https,
            total.dataOutGb().multiply(share), total.dataToOriginGb().multiply(share)));
      }
    }
    if (total != null && shares.subtract(BigDecimal.ONE).abs().compareTo(SHARE_TOLERANCE) > 0) {
      throw root.field("regions").invalid("region shares sum to " + shares.toPlainString() + ", not 1");
    }
    return out;
  }

  private static RegionTraffic amounts(InputNode n, BigDecimal hours) {
    if (n.has("requests") && n.has("requests_per_hour")) {
      throw n.field("requests_per_hour").invalid("give requests (per month) or requests_per_hour, not both");
    }
    BigDecimal requests =
        n.has("requests_per_hour")
            ? perMonth(n.field("requests_per_hour"), hours)
            : n.optional("requests").map(InputNode::count).orElse(BigDecimal.ZERO);
    return new RegionTraffic(
        requests,
        n.optional("https_share").map(InputNode::share).orElse(BigDecimal.ONE),
        n.optional("data_out").map(Quantities::dataGb).orElse(BigDecimal.ZERO),
        n.optional("data_to_origin").map(Quantities::dataGb).orElse(BigDecimal.ZERO));
  }

  /** An hourly rate times the hours: may be fractional (an average), but not absurdly large. */
  private static BigDecimal perMonth(InputNode perHour, BigDecimal hours) {
    BigDecimal requests = perHour.nonNegative().multiply(hours);
    if (requests.compareTo(InputNode.MAX_COUNT) > 0) {
      throw perHour.invalid("gives " + requests.toPlainString() + " requests over " + hours.toPlainString()
          + " hours (at most " + InputNode.MAX_COUNT.toPlainString() + ")");
    }
    return requests;
  }

  private static FunctionUsage functions(InputNode n) {
    n.object(Set.of("viewer_request", "viewer_response", "kvs_reads_per_invocation"));
    return new FunctionUsage(
        n.optional("viewer_request").map(InputNode::nonNegative).orElse(BigDecimal.ZERO),
        n.optional("viewer_response").map(InputNode::nonNegative).orElse(BigDecimal.ZERO),
        n.optional("kvs_reads_per_invocation").map(InputNode::nonNegative).orElse(BigDecimal.ZERO));
  }

  private static LambdaEdgeUsage lambdaEdge(InputNode n) {
    n.object(Set.of("invocations_per_request", "duration_ms", "memory_mb"));
    BigDecimal memory = n.optional("memory_mb").map(InputNode::count).orElse(LambdaEdgeUsage.NONE.memoryMb());
    if (memory.compareTo(LambdaEdgeUsage.MIN_MEMORY_MB) < 0 || memory.compareTo(LambdaEdgeUsage.MAX_MEMORY_MB) > 0) {
      throw n.field("memory_mb").invalid("must be between " + LambdaEdgeUsage.MIN_MEMORY_MB + " and "
          + LambdaEdgeUsage.MAX_MEMORY_MB + " (Lambda@Edge: viewer triggers 128 MB, origin triggers 128-10,240 MB; got "
          + memory.toPlainString() + ")");
    }
    BigDecimal invocations = n.optional("invocations_per_request").map(InputNode::nonNegative).orElse(BigDecimal.ZERO);
    BigDecimal duration = n.optional("duration_ms").map(InputNode::nonNegative).orElse(LambdaEdgeUsage.NONE.durationMs());
    if (duration.compareTo(BigDecimal.ONE) < 0 && invocations.signum() > 0) {
      // metered in 1 ms steps, rounded up: no invocation bills less than 1 ms, so neither can their mean
      throw n.field("duration_ms").invalid("must be at least 1: Lambda@Edge bills each invocation in 1 ms steps,"
          + " rounded up, so the mean billed duration is at least 1 ms (got " + duration.toPlainString() + ")");
    }
    return new LambdaEdgeUsage(invocations, duration, memory);
  }

  private static OriginShieldUsage originShield(InputNode n) {
    n.object(Set.of("region", "requests"));
    return new OriginShieldUsage(
        n.optional("region").map(InputNode::text).orElse(""),
        n.optional("requests").map(InputNode::count).orElse(BigDecimal.ZERO));
  }
}
