package dev.cfsim.pricing;

import dev.cfsim.InvalidInputException;
import dev.cfsim.traffic.RegionTraffic;
import dev.cfsim.traffic.TrafficProfile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
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
 * to the last digit (BigDecimal throughout, nothing rounded). Safe to call from many threads.
 *
 * <p>The account-wide always-free tier goes to the most expensive eligible usage first, and free
 * data transfer is metered before the regional volume tiers (see {@link #FREE_TIER_RULE}).
 */
public final class CostEngine {

  /** How the free tier is allocated; stated in every estimate's assumptions. */
  public static final String FREE_TIER_RULE =
      "The account's always-free tier (%s GB data transfer out, %s requests, %s CloudFront Functions invocations,"
          + " %s KeyValueStore reads a month) is applied to this distribution alone, to the most expensive eligible"
          + " usage first: free requests to the highest per-request price (region and HTTP/HTTPS), free data transfer"
          + " where it saves the most. Free data transfer is metered before the regional volume tiers, so the tiers"
          + " count only billed GB and free GB take off a region's last GB, at the prices of the tiers those GB fall in"
          + " (AWS's price list keeps the free tier as its own 'Global' usage type, priced $0 for 0-1,024 GB).";

  /** 1 / 1,024, exact: multiplying by it turns MB into GB without a division. */
  private static final BigDecimal GB_PER_MB = new BigDecimal("0.0009765625");

  private CostEngine() {}

  /** The pay-as-you-go estimate for the profile, with the options' overrides. */
  public static CostEstimate estimate(TrafficProfile profile, PriceBook book, EstimateOptions options) {
    return new Bill(profile, book, options).price();
  }

  /** One estimate in the making: the resolved options and the lines so far. */
  private static final class Bill {
    private final TrafficProfile profile;
    private final PriceBook book;
    private final PriceClass priceClass;
    private final FreeTierUse freeTierUse;
    private final FreeTier free;
    private final Map<PricingRegion, Billed> billed;
    private final List<CostLine> lines = new ArrayList<>();
    private final List<FreeTierUsed> freeUsed = new ArrayList<>();

    Bill(TrafficProfile profile, PriceBook book, EstimateOptions options) {
      this.profile = profile;
      this.book = book;
      this.priceClass = options.priceClass() != null ? options.priceClass() : profile.priceClass();
      this.freeTierUse = options.freeTier() != null ? options.freeTier() : profile.freeTier();
      this.free = book.freeTier();
      this.billed = billedByRegion(profile, book.priceClasses().get(priceClass));
    }

    CostEstimate price() {
      dataTransfer();
      requests();
      edgeCompute();
      otherCharges();
      BigDecimal total = sum(lines.stream().map(CostLine::usd).toList());
      return new CostEstimate(book.id(), profile.name(), priceClass, freeTierUse, lines, freeUsed, total, assumptions());
    }

    /** An allowance of the free tier, or nothing when the account's free tier is used elsewhere. */
    private BigDecimal allowance(BigDecimal amount) {
      return freeTierUse == FreeTierUse.ACCOUNT ? amount : BigDecimal.ZERO;
    }

    /** Data out to viewers (free GB where they save the most) and out to the origin. */
    private void dataTransfer() {
      BigDecimal allowance = allowance(free.dataTransferOutGb());
      Map<PricingRegion, BigDecimal> dataOut = new EnumMap<>(PricingRegion.class);
      billed.forEach((region, b) -> dataOut.put(region, b.dataOut));
      Map<PricingRegion, BigDecimal> freeGb =
          FreeDataTransfer.share(allowance, dataOut, r -> book.region(r).dataTransferOut());
      billed.forEach((region, b) -> {
        BigDecimal freeHere = freeGb.getOrDefault(region, BigDecimal.ZERO);
        add(Component.DATA_TRANSFER_OUT, region, b.dataOut, freeHere,
            book.region(region).dataTransferOut().cost(b.dataOut.subtract(freeHere)), b.note(region, priceClass));
      });
      billed.forEach((region, b) -> add(Component.DATA_TRANSFER_ORIGIN, region, b.dataToOrigin, BigDecimal.ZERO,
          book.region(region).dataTransferOrigin().cost(b.dataToOrigin), b.note(region, priceClass)));
      freeUsed.add(new FreeTierUsed("data_transfer_out", allowance, sum(freeGb.values()), "GB"));
    }

    /** HTTP and HTTPS requests; free requests go to the highest per-request price first. */
    private void requests() {
      List<Usage> usage = new ArrayList<>();
      billed.forEach((region, b) -> {
        usage.add(new Usage(new RegionalKey(region, Component.REQUESTS_HTTPS), b.https,
            book.region(region).requestsHttps().unitPrice()));
        usage.add(new Usage(new RegionalKey(region, Component.REQUESTS_HTTP), b.http,
            book.region(region).requestsHttp().unitPrice()));
      });
      BigDecimal allowance = allowance(free.requests());
      Map<Object, BigDecimal> freeRequests = allocate(allowance, usage);
      for (Component c : List.of(Component.REQUESTS_HTTP, Component.REQUESTS_HTTPS)) {
        boolean https = c == Component.REQUESTS_HTTPS;
        billed.forEach((region, b) -> {
          BigDecimal quantity = https ? b.https : b.http;
          Rate rate = https ? book.region(region).requestsHttps() : book.region(region).requestsHttp();
          BigDecimal freeHere = freeRequests.getOrDefault(new RegionalKey(region, c), BigDecimal.ZERO);
          add(c, region, quantity, freeHere, rate.cost(quantity.subtract(freeHere)), b.note(region, priceClass));
        });
      }
      freeUsed.add(new FreeTierUsed("requests", allowance, sum(freeRequests.values()), "requests"));
    }

    /**
     * CloudFront Functions and their KeyValueStore reads (free tier), KeyValueStore API calls and
     * Lambda@Edge (none).
     */
    private void edgeCompute() {
      freeUsed.add(accountWide(Component.FUNCTIONS, profile.functionInvocations(), free.functionInvocations(),
          book.functions()));
      freeUsed.add(accountWide(Component.KVS_READS, profile.kvsReads(), free.kvsReads(), book.kvsReads()));
      add(Component.KVS_API_CALLS, null, profile.kvsApiCalls(), BigDecimal.ZERO,
          book.kvsApiCalls().cost(profile.kvsApiCalls()), "keys put, listed or read through the API, not from functions");
      BigDecimal invocations = profile.lambdaEdgeInvocations();
      add(Component.LAMBDA_EDGE_REQUESTS, null, invocations, BigDecimal.ZERO, book.lambdaEdgeRequests().cost(invocations), "");
      BigDecimal gbSeconds = invocations.multiply(profile.lambdaEdge().durationMs()).movePointLeft(3) // ms → s
          .multiply(profile.lambdaEdge().memoryMb()).multiply(GB_PER_MB);
      add(Component.LAMBDA_EDGE_DURATION, null, gbSeconds, BigDecimal.ZERO, book.lambdaEdgeDuration().cost(gbSeconds),
          profile.lambdaEdge().durationMs().toPlainString() + " ms at " + profile.lambdaEdge().memoryMb().toPlainString()
              + " MB per invocation");
    }

    private FreeTierUsed accountWide(Component c, BigDecimal quantity, BigDecimal freeAmount, Rate rate) {
      BigDecimal allowance = allowance(freeAmount);
      BigDecimal freeHere = quantity.min(allowance);
      add(c, null, quantity, freeHere, rate.cost(quantity.subtract(freeHere)), "");
      return new FreeTierUsed(c.id(), allowance, freeHere, c.unit());
    }

    /** Origin Shield, invalidations, real-time logs, field-level encryption, dedicated IP. */
    private void otherCharges() {
      BigDecimal shieldRequests = profile.originShield().requests();
      if (shieldRequests.signum() > 0) {
        String region = profile.originShield().region();
        Rate rate = book.originShieldRate(region).orElseThrow(() -> new InvalidInputException(profile.errorSource(),
            "origin_shield.region", "price book " + book.id() + " has no Origin Shield price for '" + region
                + "' (known: " + String.join(", ", book.originShield().keySet()) + ")"));
        add(Component.ORIGIN_SHIELD_REQUESTS, null, shieldRequests, BigDecimal.ZERO, rate.cost(shieldRequests),
            "Origin Shield in " + region);
      }
      BigDecimal paths = profile.invalidationPaths();
      BigDecimal freePaths = zeroPricedPrefix(book.invalidations());
      add(Component.INVALIDATIONS, null, paths, paths.min(freePaths), book.invalidations().cost(paths),
          "the first " + count(freePaths) + " paths a month cost nothing");
      add(Component.REALTIME_LOGS, null, profile.realtimeLogLines(), BigDecimal.ZERO,
          book.realtimeLogs().cost(profile.realtimeLogLines()), "");
      add(Component.FIELD_LEVEL_ENCRYPTION, null, profile.fieldLevelEncryptionRequests(), BigDecimal.ZERO,
          book.fieldLevelEncryption().cost(profile.fieldLevelEncryptionRequests()), "on top of the HTTPS request fee");
      add(Component.DEDICATED_IP, null, profile.dedicatedIpCertificates(), BigDecimal.ZERO,
          book.dedicatedIp().cost(profile.dedicatedIpCertificates()), "");
    }

    /** Adds a line when there is usage: lines with zero quantity are left out. */
    private void add(Component c, PricingRegion region, BigDecimal quantity, BigDecimal freeQuantity, BigDecimal usd,
        String note) {
      if (quantity.signum() > 0) {
        lines.add(new CostLine(c, region, quantity, freeQuantity, usd, note));
      }
    }

    private List<String> assumptions() {
      List<String> out = new ArrayList<>();
      out.add(freeTierUse == FreeTierUse.ACCOUNT
          ? String.format(FREE_TIER_RULE, count(free.dataTransferOutGb()), count(free.requests()),
              count(free.functionInvocations()), count(free.kvsReads()))
          : "No free tier applied (free tier: none): the account's always-free tier is taken to be used by other"
              + " distributions, so every unit is billed.");
      out.add("Prices from price book " + book.id() + " in US dollars, excluding tax; data in GB as AWS bills it"
          + " (1 TB = 1,024 GB), volume tiers measured per pricing region; a month of " + count(profile.hours()) + " hours.");
      if (billed.containsKey(PricingRegion.JP)) {
        out.add("Japan prices include Japanese consumption tax (AWS CloudFront FAQ).");
      }
      if (priceClass != PriceClass.ALL) {
        out.add(priceClassAssumption(book.priceClasses().get(priceClass)));
      }
      if (profile.lambdaEdgeInvocations().signum() > 0) {
        out.add("Lambda@Edge has no free tier; duration is billed in GB-seconds (invocations x duration x memory).");
      }
      return out;
    }

    private String priceClassAssumption(PriceClassRule rule) {
      String moved = rule.leavesOut(profile.regions().keySet()).stream()
          .map(r -> r + " at " + rule.billingRegion(r) + " rates")
          .collect(Collectors.joining(", "));
      return rule.priceClass().awsName() + " serves "
          + rule.serves().stream().map(PricingRegion::id).collect(Collectors.joining(", "))
          + (moved.isEmpty() ? "; no viewers are outside it."
              : "; viewers outside it are served from the nearest region it serves and billed at its rates ("
                  + moved + "). AWS does not document which edge serves them: this is cfsim's assumption.");
    }
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

  private static BigDecimal sum(Collection<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String count(BigDecimal v) {
    return Counts.grouped(v.toBigInteger());
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
      // they are still served, from the class's edges: billed at this region's rates, with more latency
      // (pricing-facts §5, AWS API docs for DistributionConfig.PriceClass)
      String moved = "includes viewers in " + others.stream().map(PricingRegion::id).collect(Collectors.joining(", "))
          + ", served from here (" + priceClass.awsName() + " has no edges in their regions; expect more latency)";
      return tax.isEmpty() ? moved : tax + "; " + moved;
    }
  }
}
