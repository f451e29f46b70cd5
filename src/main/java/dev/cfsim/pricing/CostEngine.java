package dev.cfsim.pricing;

import dev.cfsim.InvalidInputException;
import dev.cfsim.traffic.RegionTraffic;
import dev.cfsim.traffic.TrafficProfile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prices a month of traffic against a price book: every line of the pay-as-you-go bill per
 * component and region. Pure and deterministic: same profile, book and options, same estimate,
 * to the last digit (BigDecimal throughout, nothing rounded).
 *
 * <p>The account-wide always-free tier goes to the most expensive eligible usage first, and free
 * data transfer is metered before the regional volume tiers (see {@link #FREE_TIER_RULE}).
 */
public final class CostEngine {

  /** How the free tier is allocated; stated in every estimate's assumptions. */
  public static final String FREE_TIER_RULE =
      "The account's always-free tier (%s GB data transfer out, %s requests, %s CloudFront Functions invocations,"
          + " %s KeyValueStore reads a month) is applied to this distribution alone, to the most expensive eligible"
          + " usage first: free data transfer to the region with the highest first-tier price, free requests to the"
          + " highest per-request price (region and HTTP/HTTPS). Free data transfer is metered before the regional"
          + " volume tiers, so the tiers count only billed GB (AWS's price list keeps the free tier as its own"
          + " 'Global' usage type, priced $0 for 0-1,024 GB).";

  private static final BigDecimal MS_PER_S = new BigDecimal(1000);
  private static final BigDecimal MB_PER_GB = new BigDecimal(1024);

  private CostEngine() {}

  /** The pay-as-you-go estimate for the profile, with the options' overrides. */
  public static CostEstimate estimate(TrafficProfile profile, PriceBook book, EstimateOptions options) {
    PriceClass priceClass = options.priceClass() != null ? options.priceClass() : profile.priceClass();
    FreeTierUse freeTierUse = options.freeTier() != null ? options.freeTier() : profile.freeTier();
    PriceClassRule rule = book.priceClasses().get(priceClass);
    FreeTier free = book.freeTier();
    boolean withFreeTier = freeTierUse == FreeTierUse.ACCOUNT;

    Map<PricingRegion, Billed> billed = billedByRegion(profile, rule);
    List<CostLine> lines = new ArrayList<>();
    List<String> assumptions = new ArrayList<>();

    // Data transfer out: free GB go first to the region with the dearest first tier.
    Map<Object, BigDecimal> freeDto = allocate(withFreeTier ? free.dataTransferOutGb() : BigDecimal.ZERO,
        billed.entrySet().stream().map(e -> new Usage(e.getKey(), e.getValue().dataOut,
            book.region(e.getKey()).dataTransferOut().firstTierPrice())).toList());
    billed.forEach((region, b) -> {
      BigDecimal freeGb = freeDto.getOrDefault(region, BigDecimal.ZERO);
      BigDecimal usd = book.region(region).dataTransferOut().cost(b.dataOut.subtract(freeGb));
      addLine(lines, Component.DATA_TRANSFER_OUT, region, b.dataOut, freeGb, usd, b.note(region, priceClass));
    });
    billed.forEach((region, b) -> addLine(lines, Component.DATA_TRANSFER_ORIGIN, region, b.dataToOrigin, BigDecimal.ZERO,
        book.region(region).dataTransferOrigin().cost(b.dataToOrigin), b.note(region, priceClass)));

    // Requests: free requests go to the highest per-request price first.
    List<Usage> requestUsage = new ArrayList<>();
    billed.forEach((region, b) -> {
      requestUsage.add(new Usage(new RegionalKey(region, Component.REQUESTS_HTTPS), b.https, book.region(region).requestsHttps().unitPrice()));
      requestUsage.add(new Usage(new RegionalKey(region, Component.REQUESTS_HTTP), b.http, book.region(region).requestsHttp().unitPrice()));
    });
    Map<Object, BigDecimal> freeRequests = allocate(withFreeTier ? free.requests() : BigDecimal.ZERO, requestUsage);
    for (Component c : List.of(Component.REQUESTS_HTTP, Component.REQUESTS_HTTPS)) {
      billed.forEach((region, b) -> {
        BigDecimal quantity = c == Component.REQUESTS_HTTPS ? b.https : b.http;
        Rate rate = c == Component.REQUESTS_HTTPS ? book.region(region).requestsHttps() : book.region(region).requestsHttp();
        BigDecimal freeQ = freeRequests.getOrDefault(new RegionalKey(region, c), BigDecimal.ZERO);
        addLine(lines, c, region, quantity, freeQ, rate.cost(quantity.subtract(freeQ)), b.note(region, priceClass));
      });
    }

    BigDecimal invocations = profile.functionInvocations();
    BigDecimal freeInvocations = invocations.min(withFreeTier ? free.functionInvocations() : BigDecimal.ZERO);
    addLine(lines, Component.FUNCTIONS, null, invocations, freeInvocations,
        book.functions().cost(invocations.subtract(freeInvocations)), "");
    BigDecimal kvsReads = profile.kvsReads();
    BigDecimal freeKvs = kvsReads.min(withFreeTier ? free.kvsReads() : BigDecimal.ZERO);
    addLine(lines, Component.KVS_READS, null, kvsReads, freeKvs, book.kvsReads().cost(kvsReads.subtract(freeKvs)), "");

    BigDecimal lambdaRequests = profile.lambdaEdgeInvocations();
    addLine(lines, Component.LAMBDA_EDGE_REQUESTS, null, lambdaRequests, BigDecimal.ZERO,
        book.lambdaEdgeRequests().cost(lambdaRequests), "");
    BigDecimal gbSeconds = lambdaRequests.multiply(profile.lambdaEdge().durationMs()).divide(MS_PER_S)
        .multiply(profile.lambdaEdge().memoryMb()).divide(MB_PER_GB);
    addLine(lines, Component.LAMBDA_EDGE_DURATION, null, gbSeconds, BigDecimal.ZERO, book.lambdaEdgeDuration().cost(gbSeconds),
        lambdaRequests.signum() == 0 ? "" : profile.lambdaEdge().durationMs().toPlainString() + " ms at "
            + profile.lambdaEdge().memoryMb().toPlainString() + " MB per invocation");

    BigDecimal shieldRequests = profile.originShield().requests();
    if (shieldRequests.signum() > 0) {
      String shieldRegion = profile.originShield().region();
      Rate rate = book.originShieldRate(shieldRegion).orElseThrow(() -> new InvalidInputException(profile.name(),
          "origin_shield.region", "price book " + book.id() + " has no Origin Shield price for '" + shieldRegion
              + "' (known: " + String.join(", ", book.originShield().keySet()) + ")"));
      addLine(lines, Component.ORIGIN_SHIELD_REQUESTS, null, shieldRequests, BigDecimal.ZERO, rate.cost(shieldRequests),
          "Origin Shield in " + shieldRegion);
    }

    BigDecimal paths = profile.invalidationPaths();
    BigDecimal freePaths = paths.min(zeroPricedPrefix(book.invalidations()));
    addLine(lines, Component.INVALIDATIONS, null, paths, freePaths, book.invalidations().cost(paths),
        "the first " + zeroPricedPrefix(book.invalidations()).toPlainString() + " paths a month cost nothing");
    addLine(lines, Component.REALTIME_LOGS, null, profile.realtimeLogLines(), BigDecimal.ZERO,
        book.realtimeLogs().cost(profile.realtimeLogLines()), "");
    addLine(lines, Component.FIELD_LEVEL_ENCRYPTION, null, profile.fieldLevelEncryptionRequests(), BigDecimal.ZERO,
        book.fieldLevelEncryption().cost(profile.fieldLevelEncryptionRequests()), "on top of the HTTPS request fee");
    addLine(lines, Component.DEDICATED_IP, null, profile.dedicatedIpCertificates(), BigDecimal.ZERO,
        book.dedicatedIp().cost(profile.dedicatedIpCertificates()), "");

    List<FreeTierUsed> used = List.of(
        new FreeTierUsed("data_transfer_out", withFreeTier ? free.dataTransferOutGb() : BigDecimal.ZERO,
            sum(freeDto.values()), "GB"),
        new FreeTierUsed("requests", withFreeTier ? free.requests() : BigDecimal.ZERO, sum(freeRequests.values()), "requests"),
        new FreeTierUsed("functions", withFreeTier ? free.functionInvocations() : BigDecimal.ZERO, freeInvocations, "invocations"),
        new FreeTierUsed("kvs_reads", withFreeTier ? free.kvsReads() : BigDecimal.ZERO, freeKvs, "reads"));

    assumptions.add(withFreeTier
        ? String.format(FREE_TIER_RULE, plain(free.dataTransferOutGb()), plain(free.requests()),
            plain(free.functionInvocations()), plain(free.kvsReads()))
        : "No free tier applied (free tier: none): the account's always-free tier is taken to be used by other"
            + " distributions, so every unit is billed.");
    assumptions.add("Prices from price book " + book.id() + " in US dollars, excluding tax; data in GB as AWS bills it"
        + " (1 TB = 1,024 GB), volume tiers measured per pricing region; a month of " + plain(profile.hours()) + " hours.");
    if (billed.containsKey(PricingRegion.JP)) {
      assumptions.add("Japan prices include Japanese consumption tax (AWS CloudFront FAQ).");
    }
    if (priceClass != PriceClass.ALL) {
      assumptions.add(priceClassAssumption(profile, rule));
    }
    if (lambdaRequests.signum() > 0) {
      assumptions.add("Lambda@Edge has no free tier; duration is billed in GB-seconds (invocations x duration x memory).");
    }
    BigDecimal total = sum(lines.stream().map(CostLine::usd).toList());
    return new CostEstimate(book.id(), profile.name(), priceClass, freeTierUse, lines, used, total, assumptions);
  }

  private static String priceClassAssumption(TrafficProfile profile, PriceClassRule rule) {
    String moved = profile.regions().keySet().stream()
        .filter(r -> !rule.serves().contains(r))
        .map(r -> r + " at " + rule.billingRegion(r) + " rates")
        .collect(Collectors.joining(", "));
    return rule.priceClass().awsName() + " serves " + rule.serves().stream().map(PricingRegion::id).collect(Collectors.joining(", "))
        + (moved.isEmpty() ? "; no viewers are outside it."
            : "; viewers outside it are served from the nearest region it serves and billed at its rates ("
                + moved + "). AWS does not document which edge serves them: this is cfsim's assumption.");
  }

  private static Map<PricingRegion, Billed> billedByRegion(TrafficProfile profile, PriceClassRule rule) {
    Map<PricingRegion, Billed> billed = new EnumMap<>(PricingRegion.class);
    profile.regions().forEach((viewer, t) -> billed.computeIfAbsent(rule.billingRegion(viewer), r -> new Billed()).add(viewer, t));
    return billed;
  }

  /** Hands out an allowance to the usages in order of unit price, highest first (ties: given order). */
  private static Map<Object, BigDecimal> allocate(BigDecimal allowance, List<Usage> usages) {
    Map<Object, BigDecimal> out = new LinkedHashMap<>();
    BigDecimal left = allowance;
    List<Usage> byPrice = usages.stream().sorted(Comparator.comparing(Usage::unitPrice).reversed()).toList();
    for (Usage u : byPrice) {
      BigDecimal take = left.min(u.quantity());
      if (take.signum() > 0) {
        out.put(u.key(), take);
        left = left.subtract(take);
      }
    }
    return out;
  }

  /** The quantity a tiered rate charges nothing for at the start (1,000 invalidation paths). */
  private static BigDecimal zeroPricedPrefix(TieredRate rate) {
    Tier first = rate.tiers().get(0);
    return first.usd().signum() == 0 && first.to() != null ? first.to() : BigDecimal.ZERO;
  }

  private static void addLine(List<CostLine> lines, Component c, PricingRegion region, BigDecimal quantity,
      BigDecimal free, BigDecimal usd, String note) {
    if (quantity.signum() > 0) {
      lines.add(new CostLine(c, region, quantity, c.unit(), free, usd, note));
    }
  }

  private static BigDecimal sum(java.util.Collection<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String plain(BigDecimal v) {
    return String.format("%,d", v.toBigInteger());
  }

  /** Usage competing for a free allowance. */
  private record Usage(Object key, BigDecimal quantity, BigDecimal unitPrice) {}

  /** A component in a region, the unit free requests are handed out in. */
  private record RegionalKey(PricingRegion region, Component component) {}

  /** Traffic billed in one region: its own viewers' and, under a restricted price class, others'. */
  private static final class Billed {
    BigDecimal http = BigDecimal.ZERO;
    BigDecimal https = BigDecimal.ZERO;
    BigDecimal dataOut = BigDecimal.ZERO;
    BigDecimal dataToOrigin = BigDecimal.ZERO;
    final Set<PricingRegion> viewers = EnumSet.noneOf(PricingRegion.class);

    void add(PricingRegion viewer, RegionTraffic t) {
      viewers.add(viewer);
      http = http.add(t.httpRequests());
      https = https.add(t.httpsRequests());
      dataOut = dataOut.add(t.dataOutGb());
      dataToOrigin = dataToOrigin.add(t.dataToOriginGb());
    }

    String note(PricingRegion region, PriceClass priceClass) {
      String tax = region == PricingRegion.JP ? "includes Japanese consumption tax" : "";
      Set<PricingRegion> others = EnumSet.copyOf(viewers);
      others.remove(region);
      if (others.isEmpty()) {
        return tax;
      }
      String moved = "includes viewers in " + others.stream().map(PricingRegion::id).collect(Collectors.joining(", "))
          + " (" + priceClass.awsName() + " does not serve them)";
      return tax.isEmpty() ? moved : tax + "; " + moved;
    }
  }
}
