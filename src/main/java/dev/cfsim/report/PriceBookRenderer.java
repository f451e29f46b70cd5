package dev.cfsim.report;

import dev.cfsim.pricing.Component;
import dev.cfsim.pricing.FlatRatePlan;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.pricing.PriceBookWriter;
import dev.cfsim.pricing.PricingRegion;
import dev.cfsim.pricing.Rate;
import dev.cfsim.pricing.RegionalPrices;
import dev.cfsim.pricing.Source;
import dev.cfsim.pricing.Tier;
import dev.cfsim.pricing.TieredRate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a price book: as a list of every figure with its source (table, CSV, Markdown), or
 * as JSON in the price book file's own shape. Pure.
 */
public final class PriceBookRenderer {
  private PriceBookRenderer() {}

  /** The price book in {@code format}. */
  public static String render(PriceBook book, Format format) {
    return switch (format) {
      case JSON -> PriceBookWriter.toJson(book);
      case TABLE -> header(book) + Text.columns(rows(book, false), false, false, true, true, false, false, false)
          + footer(book);
      case CSV -> rows(book, true).stream().map(Text::csv).collect(Collectors.joining());
      case MARKDOWN -> "### " + header(book) + Text.markdown(rows(book, false), false, false, true, true, false, false, false)
          + footer(book);
    };
  }

  private static String header(PriceBook book) {
    return "Price book " + book.id() + ": " + book.title() + "\n\n";
  }

  private static String footer(PriceBook book) {
    StringBuilder sb = new StringBuilder("\n");
    book.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
    sb.append("- Free tier each month: ").append(Text.quantity(book.freeTier().dataTransferOutGb())).append(" GB out, ")
        .append(Text.quantity(book.freeTier().requests())).append(" requests, ")
        .append(Text.quantity(book.freeTier().functionInvocations())).append(" function invocations, ")
        .append(Text.quantity(book.freeTier().kvsReads())).append(" KeyValueStore reads (").append(book.freeTier().source().url())
        .append(")\n");
    book.priceClasses().values().forEach(rule -> sb.append("- ").append(rule.priceClass().awsName()).append(" serves ")
        .append(rule.serves().stream().map(PricingRegion::id).collect(Collectors.joining(", ")))
        .append(rule.othersBilledAs().isEmpty() ? "" : "; others billed as " + rule.othersBilledAs().entrySet().stream()
            .map(e -> e.getKey() + "→" + e.getValue()).collect(Collectors.joining(", ")))
        .append('\n'));
    for (FlatRatePlan p : book.plans()) {
      sb.append("- Flat-rate plan ").append(p.name()).append(": ").append(p.levels().stream()
          .map(l -> "$" + Text.plain(l.usd()) + " for " + Text.quantity(l.requests()) + " requests and "
              + Text.quantity(l.dataTransferOutGb()) + " GB").collect(Collectors.joining("; ")))
          .append("; not with ").append(p.notSupported().stream().map(Component::id).collect(Collectors.joining(", ")))
          .append(" (").append(p.source().url()).append(")\n");
    }
    sb.append("- Security Savings Bundle: commitment / ").append(Text.plain(book.savingsBundle().creditDivisor()))
        .append(" credited each month for ").append(book.savingsBundle().termMonths()).append(" months (")
        .append(book.savingsBundle().source().url()).append(")\n");
    return sb.toString();
  }

  private static List<List<String>> rows(PriceBook book, boolean machine) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("charge", "region", "from", "to", "usd", "per", "source (read)"));
    for (PricingRegion r : PricingRegion.values()) {
      RegionalPrices p = book.region(r);
      tiered(rows, "data_transfer_out", r.id(), p.dataTransferOut(), machine);
      rate(rows, "data_transfer_origin", r.id(), p.dataTransferOrigin(), machine);
      rate(rows, "requests_http", r.id(), p.requestsHttp(), machine);
      rate(rows, "requests_https", r.id(), p.requestsHttps(), machine);
    }
    rate(rows, "functions", "", book.functions(), machine);
    rate(rows, "kvs_reads", "", book.kvsReads(), machine);
    rate(rows, "kvs_api_calls", "", book.kvsApiCalls(), machine);
    rate(rows, "lambda_edge_requests", "", book.lambdaEdgeRequests(), machine);
    rate(rows, "lambda_edge_duration", "", book.lambdaEdgeDuration(), machine);
    book.originShield().forEach((region, rate) -> rate(rows, "origin_shield_requests", region, rate, machine));
    tiered(rows, "invalidations", "", book.invalidations(), machine);
    rate(rows, "realtime_logs", "", book.realtimeLogs(), machine);
    rate(rows, "field_level_encryption", "", book.fieldLevelEncryption(), machine);
    rate(rows, "dedicated_ip", "", book.dedicatedIp(), machine);
    return rows;
  }

  private static void rate(List<List<String>> rows, String charge, String region, Rate r, boolean machine) {
    rows.add(List.of(charge, region, "", "", machine ? Text.plain(r.usd()) : "$" + Text.plain(r.usd()),
        (machine ? Text.plain(r.per()) : Text.quantity(r.per())) + " " + r.unit(), source(r.source())));
  }

  private static void tiered(List<List<String>> rows, String charge, String region, TieredRate t, boolean machine) {
    for (Tier tier : t.tiers()) {
      rows.add(List.of(charge, region, machine ? Text.plain(tier.from()) : Text.quantity(tier.from()),
          tier.to() == null ? "" : machine ? Text.plain(tier.to()) : Text.quantity(tier.to()),
          machine ? Text.plain(tier.usd()) : "$" + Text.plain(tier.usd()), "1 " + t.unit(), source(t.source())));
    }
  }

  private static String source(Source s) {
    return s.url() + " (" + s.read() + ")";
  }
}
