package dev.cfsim.pricing;

import dev.cfsim.InvalidInputException;
import dev.cfsim.UserFiles;
import dev.cfsim.traffic.InputNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a price book (JSON). A book that is missing a region, has tiers that overlap,
 * leave gaps or run out of order, a negative price, a figure without source and date, or a key
 * it does not know is refused with an {@link InvalidInputException} naming the file and field.
 */
public final class PriceBookReader {
  private static final Set<String> TOP =
      Set.of("id", "currency", "title", "notes", "regions", "functions", "kvs_reads", "kvs_api_calls",
          "lambda_edge_requests", "lambda_edge_duration", "origin_shield_requests", "invalidations", "realtime_logs",
          "field_level_encryption", "dedicated_ip", "free_tier", "price_classes", "flat_rate_plans", "savings_bundle");
  private static final Set<String> RATE = Set.of("usd", "per", "unit", "source", "read", "note");
  private static final Set<String> TIERED = Set.of("unit", "tiers", "source", "read", "note");

  private PriceBookReader() {}

  /** Reads a price book file; the file name appears in every error. */
  public static PriceBook read(Path file) throws IOException {
    return parse(file.toString(), UserFiles.readText(file));
  }

  /** Parses and checks a price book; {@code source} names it in errors. */
  public static PriceBook parse(String source, String text) {
    InputNode root = InputNode.parse(source, text).object(TOP);
    String id = root.field("id").text();
    try {
      LocalDate.parse(id);
    } catch (DateTimeParseException e) {
      throw root.field("id").invalid("must be the date the prices took effect, YYYY-MM-DD (got '" + id + "')");
    }
    String currency = root.field("currency").text();
    if (!currency.equals("USD")) {
      throw root.field("currency").invalid("must be USD (AWS prices CloudFront in US dollars)");
    }
    List<String> notes = new ArrayList<>();
    root.optional("notes").ifPresent(n -> n.elements().forEach(e -> notes.add(e.text())));
    if (!root.has("kvs_api_calls")) {
      // books made before cfsim priced these calls: say what to add rather than only "missing"
      throw new InvalidInputException(root.source(), "kvs_api_calls", "is missing: a price book prices KeyValueStore"
          + " API calls too (added 2026-11-25); copy the kvs_api_calls entry of cfsim's pricing/2025-11-18.json"
          + " ($1.00 per 1,000 calls) into this book");
    }
    Map<String, Rate> originShield = new LinkedHashMap<>();
    root.field("origin_shield_requests").entries().forEach((region, n) -> originShield.put(region, rate(n, Component.ORIGIN_SHIELD_REQUESTS)));
    return new PriceBook(
        id, currency, root.optional("title").map(InputNode::text).orElse(""), notes,
        regions(root.field("regions")),
        rate(root.field("functions"), Component.FUNCTIONS),
        rate(root.field("kvs_reads"), Component.KVS_READS),
        rate(root.field("kvs_api_calls"), Component.KVS_API_CALLS),
        rate(root.field("lambda_edge_requests"), Component.LAMBDA_EDGE_REQUESTS),
        rate(root.field("lambda_edge_duration"), Component.LAMBDA_EDGE_DURATION),
        originShield,
        tiered(root.field("invalidations"), Component.INVALIDATIONS),
        rate(root.field("realtime_logs"), Component.REALTIME_LOGS),
        rate(root.field("field_level_encryption"), Component.FIELD_LEVEL_ENCRYPTION),
        rate(root.field("dedicated_ip"), Component.DEDICATED_IP),
        freeTier(root.field("free_tier")),
        priceClasses(root.field("price_classes")),
        plans(root.field("flat_rate_plans")),
        savingsBundle(root.field("savings_bundle")));
  }

  private static Map<PricingRegion, RegionalPrices> regions(InputNode n) {
    Map<PricingRegion, RegionalPrices> out = new EnumMap<>(PricingRegion.class);
    n.entries().forEach((key, r) -> {
      PricingRegion region = region(r, key);
      r.object(Set.of("data_transfer_out", "data_transfer_origin", "requests_http", "requests_https"));
      out.put(region, new RegionalPrices(
          volumeDiscounted(r.field("data_transfer_out"), Component.DATA_TRANSFER_OUT),
          rate(r.field("data_transfer_origin"), Component.DATA_TRANSFER_ORIGIN),
          rate(r.field("requests_http"), Component.REQUESTS_HTTP),
          rate(r.field("requests_https"), Component.REQUESTS_HTTPS)));
    });
    for (PricingRegion r : PricingRegion.values()) {
      if (!out.containsKey(r)) {
        throw n.invalid("region '" + r.id() + "' is missing (every region needs prices: " + PricingRegion.allIds() + ")");
      }
    }
    return out;
  }

  private static PricingRegion region(InputNode n, String id) {
    return PricingRegion.fromId(id)
        .orElseThrow(() -> n.invalid("unknown pricing region '" + id + "' (expected one of: " + PricingRegion.allIds() + ")"));
  }

  static Source source(InputNode n) {
    String url = n.field("source").text();
    if (!url.startsWith("https://") && !url.startsWith("http://") && !url.startsWith("file:")) {
      throw n.field("source").invalid("must be the URL the figure was read from");
    }
    LocalDate read;
    try {
      read = LocalDate.parse(n.field("read").text());
    } catch (DateTimeParseException e) {
      throw n.field("read").invalid("must be the date the figure was read, YYYY-MM-DD");
    }
    return new Source(url, read, n.optional("note").map(InputNode::text).orElse(""));
  }

  private static Rate rate(InputNode n, Component component) {
    n.object(RATE);
    BigDecimal per = n.field("per").nonNegative();
    BigDecimal p = per.stripTrailingZeros();
    if (p.scale() > 0 || !p.unscaledValue().equals(BigInteger.ONE)) {
      throw n.field("per").invalid("must be 1, 10, 100, ... (a power of ten; got " + per.toPlainString() + ")");
    }
    return new Rate(price(n.field("usd")), per, unit(n, component), source(n));
  }

  private static BigDecimal price(InputNode n) {
    BigDecimal usd = n.number();
    if (usd.signum() < 0) {
      throw n.invalid("negative price (" + usd.toPlainString() + ")");
    }
    return usd;
  }

  /**
   * Data transfer tiers, whose prices may only fall as volume grows, as AWS's do: the free tier is
   * shared on that premise ({@link FreeDataTransfer}), and a rising tier is a typo in a book.
   */
  private static TieredRate volumeDiscounted(InputNode n, Component component) {
    TieredRate rate = tiered(n, component);
    List<InputNode> elements = n.field("tiers").elements();
    for (int i = 1; i < rate.tiers().size(); i++) {
      BigDecimal before = rate.tiers().get(i - 1).usd();
      if (rate.tiers().get(i).usd().compareTo(before) > 0) {
        throw elements.get(i).field("usd").invalid("a volume tier may not cost more than the one before ("
            + before.toPlainString() + ")");
      }
    }
    return rate;
  }

  private static TieredRate tiered(InputNode n, Component component) {
    n.object(TIERED);
    List<Tier> tiers = new ArrayList<>();
    List<InputNode> elements = n.field("tiers").elements();
    if (elements.isEmpty()) {
      throw n.field("tiers").invalid("lists no tier");
    }
    BigDecimal expectedFrom = BigDecimal.ZERO;
    for (int i = 0; i < elements.size(); i++) {
      InputNode t = elements.get(i).object(Set.of("from", "to", "usd"));
      BigDecimal from = t.field("from").nonNegative();
      int order = from.compareTo(expectedFrom);
      if (i == 0 && order != 0) {
        throw t.field("from").invalid("the first tier must start at 0");
      } else if (order < 0) {
        throw t.field("from").invalid("tiers overlap or are out of order: starts at " + from.toPlainString()
            + " but the tier before ends at " + expectedFrom.toPlainString());
      } else if (order > 0) {
        throw t.field("from").invalid("gap between tiers, or tiers out of order: starts at " + from.toPlainString()
            + " but the tier before ends at " + expectedFrom.toPlainString());
      }
      boolean last = i == elements.size() - 1;
      BigDecimal to = t.has("to") ? t.field("to").nonNegative() : null;
      if (to == null && !last) {
        throw t.invalid("only the last tier may be open-ended (to: null)");
      }
      if (to != null && last) {
        throw t.field("to").invalid("the last tier must be open-ended (to: null), or usage above it has no price");
      }
      if (to != null && to.compareTo(from) <= 0) {
        throw t.field("to").invalid("must be greater than from (" + from.toPlainString() + ")");
      }
      tiers.add(new Tier(from, to, price(t.field("usd"))));
      expectedFrom = to;
    }
    return new TieredRate(unit(n, component), tiers, source(n));
  }

  /**
   * The unit a price is per, which must be the one the engine counts the component in: the
   * engine never converts, so a price per TB read as per GB would bill 1,024 times too little.
   */
  private static String unit(InputNode n, Component component) {
    String unit = n.field("unit").text();
    if (!unit.equals(component.unit())) {
      throw n.field("unit").invalid("must be '" + component.unit() + "', the unit cfsim counts this charge in"
          + " (got '" + unit + "'; units are not converted: write the price per " + component.unit() + ")");
    }
    return unit;
  }

  private static FreeTier freeTier(InputNode n) {
    n.object(Set.of("data_transfer_out_gb", "requests", "function_invocations", "kvs_reads", "source", "read", "note"));
    return new FreeTier(n.field("data_transfer_out_gb").nonNegative(), n.field("requests").nonNegative(),
        n.field("function_invocations").nonNegative(), n.field("kvs_reads").nonNegative(), source(n));
  }

  private static Map<PriceClass, PriceClassRule> priceClasses(InputNode n) {
    Map<PriceClass, PriceClassRule> out = new EnumMap<>(PriceClass.class);
    n.entries().forEach((key, c) -> {
      PriceClass pc = PriceClass.parse(key, c.source(), c.path());
      c.object(Set.of("serves", "others_billed_as", "source", "read", "note"));
      Set<PricingRegion> serves = EnumSet.noneOf(PricingRegion.class);
      c.field("serves").elements().forEach(e -> serves.add(region(e, e.text())));
      Map<PricingRegion, PricingRegion> others = new EnumMap<>(PricingRegion.class);
      c.optional("others_billed_as").ifPresent(o -> o.entries().forEach((from, to) -> {
        PricingRegion target = region(to, to.text());
        if (!serves.contains(target)) {
          throw to.invalid("'" + target + "' is not served by this price class");
        }
        others.put(region(to, from), target);
      }));
      for (PricingRegion r : PricingRegion.values()) {
        if (!serves.contains(r) && !others.containsKey(r)) {
          throw c.invalid("region '" + r + "' is neither served nor given a region in others_billed_as");
        }
      }
      out.put(pc, new PriceClassRule(pc, serves, others, source(c)));
    });
    for (PriceClass pc : PriceClass.values()) {
      if (!out.containsKey(pc)) {
        throw n.invalid("price class '" + pc.id() + "' is missing");
      }
    }
    return out;
  }

  private static List<FlatRatePlan> plans(InputNode n) {
    List<FlatRatePlan> out = new ArrayList<>();
    for (InputNode p : n.elements()) {
      p.object(Set.of("name", "levels", "not_supported", "past_allowance", "source", "read", "note"));
      List<FlatRatePlan.Level> levels = new ArrayList<>();
      BigDecimal previous = null;
      for (InputNode l : p.field("levels").elements()) {
        l.object(Set.of("usd", "requests", "data_transfer_out_gb"));
        BigDecimal usd = price(l.field("usd"));
        if (previous != null && usd.compareTo(previous) <= 0) {
          throw l.field("usd").invalid("levels must be listed cheapest first");
        }
        previous = usd;
        levels.add(new FlatRatePlan.Level(usd, l.field("requests").nonNegative(), l.field("data_transfer_out_gb").nonNegative()));
      }
      if (levels.isEmpty()) {
        throw p.field("levels").invalid("lists no level");
      }
      out.add(new FlatRatePlan(p.field("name").text(), levels, components(p.optional("not_supported").orElse(null)),
          p.field("past_allowance").text(), source(p)));
    }
    return out;
  }

  private static SavingsBundle savingsBundle(InputNode n) {
    n.object(Set.of("credit_divisor", "term_months", "waf_credit_share", "covers", "source", "read", "note"));
    BigDecimal divisor = n.field("credit_divisor").nonNegative();
    if (divisor.signum() == 0 || divisor.compareTo(BigDecimal.ONE) > 0) {
      throw n.field("credit_divisor").invalid("must be greater than 0 and at most 1");
    }
    BigDecimal term = n.field("term_months").nonNegative();
    if (term.signum() == 0 || term.stripTrailingZeros().scale() > 0) {
      throw n.field("term_months").invalid("must be a whole number of months");
    }
    return new SavingsBundle(divisor, term.intValueExact(), n.field("waf_credit_share").share(),
        components(n.field("covers")), source(n));
  }

  private static Set<Component> components(InputNode n) {
    Set<Component> out = EnumSet.noneOf(Component.class);
    if (n != null) {
      for (InputNode e : n.elements()) {
        out.add(Component.fromId(e.text()).orElseThrow(() -> e.invalid("unknown component '" + e.text() + "'")));
      }
    }
    return out;
  }
}
