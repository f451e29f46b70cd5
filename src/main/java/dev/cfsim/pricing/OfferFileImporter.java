package dev.cfsim.pricing;

import dev.cfsim.InvalidInputException;
import dev.cfsim.traffic.InputNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds a price book from AWS's Price List offer file for AmazonCloudFront, so prices can be
 * brought up to date without code changes. The offer file prices requests per request and data
 * per GB; the book keeps AWS's page units (per 10,000 requests, per million invocations).
 *
 * <p>The offer file also carries $0 "Global" free-tier SKUs (usage types {@code Global-…},
 * location {@code Any}, 0 to 1,024 GB at $0). A naive lowest-price lookup would take them for
 * the price of data transfer; here they only set the free tier's allowances.
 */
public final class OfferFileImporter {
  /** Where users download the offer file. */
  public static final String OFFER_URL =
      "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonCloudFront/current/index.json";

  private static final BigDecimal TEN_THOUSAND = new BigDecimal(10_000);
  private static final BigDecimal MILLION = new BigDecimal(1_000_000);
  /** A decimal with an exponent of at most two digits: {@code 7.5E-7}, {@code 1e-6}. */
  private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+(?:\\.[0-9]+)?[eE][+-]?[0-9]{1,2}");
  /** No CloudFront unit costs more than this; a larger figure is a misread file. */
  private static final BigDecimal MAX_PRICE = MILLION;
  private static final Map<String, PricingRegion> LOCATIONS = Map.of(
      "United States", PricingRegion.US, "Europe", PricingRegion.EU, "South Africa", PricingRegion.ME_AF,
      "South America", PricingRegion.SA, "Japan", PricingRegion.JP, "Australia", PricingRegion.AU,
      "Asia Pacific", PricingRegion.AP, "India", PricingRegion.IN);
  private static final Map<String, String> AWS_REGIONS = Map.ofEntries(
      Map.entry("US East (N. Virginia)", "us-east-1"), Map.entry("US East (Ohio)", "us-east-2"),
      Map.entry("US West (Oregon)", "us-west-2"), Map.entry("EU (Frankfurt)", "eu-central-1"),
      Map.entry("Europe (Frankfurt)", "eu-central-1"), Map.entry("EU (Ireland)", "eu-west-1"),
      Map.entry("Europe (Ireland)", "eu-west-1"), Map.entry("EU (London)", "eu-west-2"),
      Map.entry("Europe (London)", "eu-west-2"), Map.entry("South America (Sao Paulo)", "sa-east-1"),
      Map.entry("Asia Pacific (Tokyo)", "ap-northeast-1"), Map.entry("Asia Pacific (Seoul)", "ap-northeast-2"),
      Map.entry("Asia Pacific (Singapore)", "ap-southeast-1"), Map.entry("Asia Pacific (Sydney)", "ap-southeast-2"),
      Map.entry("Asia Pacific (Mumbai)", "ap-south-1"), Map.entry("Asia Pacific (Jakarta)", "ap-southeast-3"),
      Map.entry("Middle East (UAE)", "me-central-1"));

  private OfferFileImporter() {}

  /**
   * What an import produced.
   *
   * @param book the new price book (checked like any book file)
   * @param updated the figures taken from the offer file, e.g. {@code regions.ap.data_transfer_out}
   * @param kept the parts kept from the base book because the offer file does not price them
   * @param skippedFreeTier how many $0 free-tier SKUs were read as allowances rather than prices
   * @param ignored SKUs the book has no place for
   */
  public record Result(PriceBook book, List<String> updated, List<String> kept, int skippedFreeTier, List<String> ignored) {
    public Result {
      updated = List.copyOf(updated);
      kept = List.copyOf(kept);
      ignored = List.copyOf(ignored);
    }
  }

  /** One price dimension of a SKU's on-demand term. */
  private record Dimension(BigDecimal begin, BigDecimal end, BigDecimal usd, String unit) {}

  /**
   * Imports an offer file.
   *
   * @param source the file name, for errors
   * @param text the offer file's JSON
   * @param base the book whose figures are kept where the offer file has none
   * @param id the new book's id, or null for the offer's publicationDate
   */
  public static Result importOffer(String source, String text, PriceBook base, String id) {
    InputNode root = InputNode.parse(source, text);
    String offerCode = root.field("offerCode").text();
    if (!offerCode.equals("AmazonCloudFront")) {
      throw root.field("offerCode").invalid("is '" + offerCode + "': expected the AmazonCloudFront offer file");
    }
    LocalDate published = date(root.field("publicationDate"));
    String bookId = id == null ? published.toString() : bookId(id);
    Source from = new Source(OFFER_URL, published, "AWS Price List offer file, version "
        + root.optional("version").map(InputNode::text).orElse("?") + ", published " + root.field("publicationDate").text());

    Builder b = new Builder(base, from, source);
    InputNode onDemand = root.field("terms").field("OnDemand");
    for (Map.Entry<String, InputNode> e : root.field("products").entries().entrySet()) {
      String sku = e.getKey();
      InputNode attributes = e.getValue().field("attributes");
      Optional<InputNode> terms = onDemand.optional(sku);
      if (terms.isEmpty()) {
        b.ignored.add(sku);
        continue;
      }
      b.add(sku, attributes, dimensions(terms.get()));
    }
    if (b.updated.isEmpty()) {
      throw new InvalidInputException(source, "products", "holds no CloudFront price cfsim reads (data transfer,"
          + " requests, functions, invalidations, …): the new book would only copy the base book");
    }
    PriceBook built = b.build(bookId);
    // Check the result exactly as a book file is checked, naming the offer file in any error.
    PriceBook checked;
    try {
      checked = PriceBookReader.parse(source, PriceBookWriter.toJson(built));
    } catch (InvalidInputException e) {
      // the location is the new book's field, not a place in the offer file: say so
      throw new InvalidInputException(source, "", "its prices make an invalid price book: at the book's "
          + e.location() + ": " + e.problem(), e);
    }
    List<String> kept = new ArrayList<>();
    for (String part : List.of("functions", "kvs_reads", "kvs_api_calls", "lambda_edge_requests", "lambda_edge_duration",
        "invalidations", "realtime_logs", "field_level_encryption", "dedicated_ip")) {
      if (!b.updated.contains(part)) {
        kept.add(part);
      }
    }
    for (PricingRegion r : PricingRegion.values()) {
      for (String part : List.of("data_transfer_out", "data_transfer_origin", "requests_http", "requests_https")) {
        String key = "regions." + r.id() + "." + part;
        if (!b.updated.contains(key)) {
          kept.add(key);
        }
      }
    }
    kept.addAll(List.of("price_classes", "flat_rate_plans", "savings_bundle"));
    return new Result(checked, List.copyOf(new TreeSet<>(b.updated)), kept, b.freeTierSkus, b.ignored);
  }

  private static List<Dimension> dimensions(InputNode terms) {
    List<Dimension> out = new ArrayList<>();
    for (InputNode term : terms.entries().values()) {
      for (InputNode d : term.field("priceDimensions").entries().values()) {
        String end = d.optional("endRange").map(InputNode::text).orElse("Inf");
        out.add(new Dimension(
            d.optional("beginRange").map(InputNode::nonNegative).orElse(BigDecimal.ZERO),
            end.equals("Inf") ? null : d.field("endRange").nonNegative(),
            price(d.field("pricePerUnit").field("USD")),
            d.optional("unit").map(InputNode::text).orElse("")));
      }
    }
    out.sort(Comparator.comparing(Dimension::begin));
    return out;
  }

  /**
   * A price as the offer writes it: a decimal string ({@code "0.0000007500"}); a machine-written
   * exponent ({@code "7.5E-7"}, as a JSON tool re-serialising the file may write it) is read
   * exactly too, where a profile's number reader would refuse it.
   */
  private static BigDecimal price(InputNode n) {
    if (!n.isNumber() && SCIENTIFIC.matcher(n.text()).matches()) {
      BigDecimal usd = new BigDecimal(n.text());
      if (usd.compareTo(MAX_PRICE) > 0) {
        throw n.invalid("is too large for a price (got " + n.text() + ")");
      }
      return usd;
    }
    return n.nonNegative();
  }

  /** The offer's publicationDate, a timestamp whose first ten characters are the day. */
  private static LocalDate date(InputNode n) {
    String text = n.text();
    return date(text.length() >= 10 ? text.substring(0, 10) : text, text, n.source(), n.path());
  }

  /** The --id option: a whole date, named as the option, not as part of the offer file. */
  private static String bookId(String id) {
    return date(id, id, "--id", "").toString();
  }

  /** {@code day} as a date; an error names {@code given}, the value as written. */
  private static LocalDate date(String day, String given, String source, String location) {
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(source, location, "must be a date, YYYY-MM-DD (got '" + given + "')");
    }
  }

  /** Collects the figures found, on top of the base book. */
  private static final class Builder {
    final PriceBook base;
    final Source from;
    final List<String> updated = new ArrayList<>();
    final List<String> ignored = new ArrayList<>();
    int freeTierSkus;
    final Map<PricingRegion, TieredRate> dto = new EnumMap<>(PricingRegion.class);
    final Map<PricingRegion, Rate> origin = new EnumMap<>(PricingRegion.class);
    final Map<PricingRegion, Rate> http = new EnumMap<>(PricingRegion.class);
    final Map<PricingRegion, Rate> https = new EnumMap<>(PricingRegion.class);
    final Map<String, Rate> originShield = new LinkedHashMap<>();
    Rate functions;
    Rate realtimeLogs;
    Rate fieldLevelEncryption;
    Rate dedicatedIp;
    TieredRate invalidations;
    BigDecimal freeDto;
    BigDecimal freeRequests;
    BigDecimal freeInvocations;

    private final String source;

    Builder(PriceBook base, Source from, String source) {
      this.base = base;
      this.from = from;
      this.source = source;
    }

    /**
     * Refuses a SKU priced in another unit than the book's: a data transfer price per TB read as
     * per GB would bill 1,024 times too little. Offer files give every dimension its unit.
     */
    private void requireUnit(String sku, List<Dimension> dims, String expected) {
      for (Dimension d : dims) {
        if (!d.unit().equalsIgnoreCase(expected)) {
          throw new InvalidInputException(source, "terms.OnDemand." + sku + ".priceDimensions.unit",
              (d.unit().isEmpty() ? "is missing" : "is '" + d.unit() + "'") + ": expected '" + expected + "'");
        }
      }
    }

    void add(String sku, InputNode a, List<Dimension> dims) {
      String usage = attr(a, "usagetype");
      if (dims.isEmpty()) {
        ignored.add(sku);
        return;
      }
      boolean anywhere = attr(a, "fromLocation").equals("Any") || attr(a, "location").equals("Any");
      boolean allFree = dims.stream().allMatch(d -> d.usd().signum() == 0);
      if (usage.startsWith("Global-") || (anywhere && allFree)) {
        freeTier(sku, usage, dims);
        return;
      }
      String transfer = attr(a, "transferType");
      PricingRegion fromRegion = LOCATIONS.get(attr(a, "fromLocation"));
      PricingRegion atRegion = LOCATIONS.get(attr(a, "location"));
      if (transfer.equals("CloudFront Outbound") && fromRegion != null) {
        requireUnit(sku, dims, "GB");
        dto.put(fromRegion, tiered("GB", dims, sku));
        updated.add("regions." + fromRegion.id() + ".data_transfer_out");
      } else if (transfer.equals("CloudFront to Origin") && fromRegion != null) {
        requireUnit(sku, dims, "GB");
        origin.put(fromRegion, rate(last(dims), BigDecimal.ONE, "GB", sku));
        updated.add("regions." + fromRegion.id() + ".data_transfer_origin");
      } else if (usage.endsWith("-Requests-Tier1") && atRegion != null) {
        requireUnit(sku, dims, "Requests");
        http.put(atRegion, rate(last(dims), TEN_THOUSAND, "requests", sku));
        updated.add("regions." + atRegion.id() + ".requests_http");
      } else if (usage.endsWith("-Requests-Tier2-HTTPS") && atRegion != null) {
        requireUnit(sku, dims, "Requests");
        https.put(atRegion, rate(last(dims), TEN_THOUSAND, "requests", sku));
        updated.add("regions." + atRegion.id() + ".requests_https");
      } else if (usage.equals("Executions-CloudFrontFunctions")) {
        functions = rate(last(dims), MILLION, "invocations", sku);
        freeInvocations = zeroPricedPrefix(dims);
        updated.add("functions");
      } else if (usage.equals("Invalidations")) {
        invalidations = tiered("paths", dims, sku);
        updated.add("invalidations");
      } else if (attr(a, "requestDescription").equals("Origin Shield Requests")
          && AWS_REGIONS.containsKey(attr(a, "location"))) {
        String region = AWS_REGIONS.get(attr(a, "location"));
        originShield.put(region, rate(last(dims), TEN_THOUSAND, "requests", sku));
        updated.add("origin_shield_requests." + region);
      } else if (attr(a, "requestDescription").contains("Field Level Encryption")) {
        fieldLevelEncryption = rate(last(dims), TEN_THOUSAND, "requests", sku);
        updated.add("field_level_encryption");
      } else if (attr(a, "operation").equals("RealTimeLog")) {
        realtimeLogs = rate(last(dims), MILLION, "log lines", sku);
        updated.add("realtime_logs");
      } else if (usage.equals("SSL-Cert-Custom")) {
        dedicatedIp = rate(last(dims), BigDecimal.ONE, "certificates", sku);
        updated.add("dedicated_ip");
      } else {
        ignored.add(sku);
      }
    }

    /** A $0 Global SKU: it tells how much is free, never what anything costs. */
    private void freeTier(String sku, String usage, List<Dimension> dims) {
      BigDecimal free = zeroPricedPrefix(dims);
      if (free == null) {
        ignored.add(sku);
        return;
      }
      freeTierSkus++;
      if (usage.contains("DataTransfer-Out-Bytes")) {
        freeDto = free;
      } else if (usage.contains("Requests")) {
        freeRequests = free;
      }
    }

    /** How far the SKU's first, $0 dimension reaches; null when it does not start with one. */
    private static BigDecimal zeroPricedPrefix(List<Dimension> dims) {
      Dimension first = dims.get(0);
      return first.usd().signum() == 0 && first.end() != null ? first.end() : null;
    }

    private static Dimension last(List<Dimension> dims) {
      return dims.get(dims.size() - 1);
    }

    private Rate rate(Dimension d, BigDecimal per, String unit, String sku) {
      return new Rate(d.usd().multiply(per).stripTrailingZeros(), per, unit, note(sku));
    }

    private TieredRate tiered(String unit, List<Dimension> dims, String sku) {
      List<Tier> tiers = dims.stream().map(d -> new Tier(d.begin(), d.end(), d.usd().stripTrailingZeros())).toList();
      return new TieredRate(unit, tiers, note(sku));
    }

    private Source note(String sku) {
      return new Source(from.url(), from.read(), from.note() + ", SKU " + sku);
    }

    private static String attr(InputNode a, String key) {
      return a.optional(key).map(InputNode::text).orElse("");
    }

    PriceBook build(String id) {
      Map<PricingRegion, RegionalPrices> regions = new EnumMap<>(PricingRegion.class);
      for (PricingRegion r : PricingRegion.values()) {
        RegionalPrices old = base.region(r);
        regions.put(r, new RegionalPrices(dto.getOrDefault(r, old.dataTransferOut()),
            origin.getOrDefault(r, old.dataTransferOrigin()), http.getOrDefault(r, old.requestsHttp()),
            https.getOrDefault(r, old.requestsHttps())));
      }
      Map<String, Rate> shield = new LinkedHashMap<>(base.originShield());
      shield.putAll(originShield);
      FreeTier f = base.freeTier();
      FreeTier free = freeDto == null && freeRequests == null && freeInvocations == null ? f
          : new FreeTier(or(freeDto, f.dataTransferOutGb()), or(freeRequests, f.requests()),
              or(freeInvocations, f.functionInvocations()), f.kvsReads(), from);
      List<String> notes = new ArrayList<>(base.notes());
      notes.add("Imported from the AWS Price List offer file (" + from.note() + ") on top of price book " + base.id() + ".");
      return new PriceBook(id, base.currency(), base.title(), notes, regions, or(functions, base.functions()),
          base.kvsReads(), base.kvsApiCalls(), base.lambdaEdgeRequests(), base.lambdaEdgeDuration(), shield,
          or(invalidations, base.invalidations()), or(realtimeLogs, base.realtimeLogs()),
          or(fieldLevelEncryption, base.fieldLevelEncryption()), or(dedicatedIp, base.dedicatedIp()), free,
          base.priceClasses(), base.plans(), base.savingsBundle());
    }

    private static <T> T or(T value, T fallback) {
      return value != null ? value : fallback;
    }
  }
}
