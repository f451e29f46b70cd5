package dev.cfsim.report;

import dev.cfsim.Json;
import dev.cfsim.pricing.CostEstimate;
import dev.cfsim.pricing.CostLine;
import dev.cfsim.pricing.FreeTierUse;
import dev.cfsim.pricing.FreeTierUsed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a {@link CostEstimate} as a table, JSON (DESIGN.md's estimate contract), CSV or
 * Markdown. Pure: the same estimate gives the same text, for the CLI and the API alike.
 */
public final class EstimateRenderer {
  private EstimateRenderer() {}

  /** The estimate in {@code format}; {@code conversion} (may be null) adds figures in a second currency. */
  public static String render(CostEstimate e, Format format, Conversion conversion) {
    return switch (format) {
      case TABLE -> table(e, conversion);
      case JSON -> Json.write(toMap(e, conversion));
      case CSV -> csv(e, conversion);
      case MARKDOWN -> markdown(e, conversion);
    };
  }

  /** An amount as the estimate's JSON writes it: full precision, no trailing zeros (43.6000000 → 43.6). */
  public static BigDecimal amount(BigDecimal usd) {
    return Text.number(usd);
  }

  /**
   * The estimate as DESIGN.md's JSON object (price_book, currency, total_usd, lines, assumptions),
   * plus profile, price class, the free tier used and any conversion; for embedding in other reports.
   */
  public static Map<String, Object> toMap(CostEstimate e, Conversion conversion) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("price_book", e.priceBook());
    m.put("currency", "USD");
    m.put("total_usd", Text.number(e.totalUsd()));
    List<Map<String, Object>> lines = new ArrayList<>();
    for (CostLine l : e.lines()) {
      Map<String, Object> lm = new LinkedHashMap<>();
      lm.put("component", l.component().id());
      lm.put("region", l.region() == null ? null : l.region().id());
      lm.put("quantity", Text.number(l.quantity()));
      lm.put("unit", l.unit());
      lm.put("free_quantity", Text.number(l.freeQuantity()));
      lm.put("usd", Text.number(l.usd()));
      if (conversion != null) {
        lm.put(conversion.currency().toLowerCase(Locale.ROOT), Text.number(conversion.convert(l.usd())));
      }
      if (!l.note().isEmpty()) {
        lm.put("note", l.note());
      }
      lines.add(lm);
    }
    m.put("lines", lines);
    m.put("assumptions", e.assumptions());
    m.put("profile", e.profile());
    m.put("price_class", e.priceClass().id());
    Map<String, Object> free = new LinkedHashMap<>();
    free.put("use", e.freeTier().id());
    List<Map<String, Object>> used = new ArrayList<>();
    for (FreeTierUsed f : e.freeTierUsed()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("item", f.item());
      fm.put("allowance", Text.number(f.allowance()));
      fm.put("used", Text.number(f.used()));
      fm.put("unit", f.unit());
      used.add(fm);
    }
    free.put("used", used);
    m.put("free_tier", free);
    if (conversion != null) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("currency", conversion.currency());
      c.put("fx", Text.number(conversion.rate()));
      c.put("total", Text.number(conversion.convert(e.totalUsd())));
      m.put("converted", c);
    }
    return m;
  }

  private static List<List<String>> rows(CostEstimate e, Conversion c) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("component", "region", "quantity", "free", "USD"));
    if (c != null) {
      header.add(c.currency());
    }
    rows.add(header);
    for (CostLine l : e.lines()) {
      List<String> row = new ArrayList<>(List.of(l.component().title(), l.region() == null ? "-" : l.region().id(),
          Text.quantity(l.quantity()) + " " + l.unit(),
          l.freeQuantity().signum() == 0 ? "" : Text.quantity(l.freeQuantity()), Text.usd(l.usd())));
      if (c != null) {
        row.add(Text.grouped(c.display(l.usd()), 2));
      }
      rows.add(row);
    }
    List<String> total = new ArrayList<>(List.of("Total", "", "", "", Text.usd(e.totalUsd())));
    if (c != null) {
      total.add(Text.grouped(c.display(e.totalUsd()), 2));
    }
    rows.add(total);
    return rows;
  }

  private static String title(CostEstimate e) {
    return "CloudFront monthly estimate for " + e.profile() + " (price book " + e.priceBook() + ", "
        + e.priceClass().awsName() + ", free tier: " + e.freeTier().id() + ")";
  }

  /** What the free tier covered; with none applied, "0 of 0" would read as a usage figure, so say so instead. */
  private static String freeTierSummary(CostEstimate e) {
    if (e.freeTier() == FreeTierUse.NONE) {
      return "Free tier: none (not applied)";
    }
    return "Free tier used: " + e.freeTierUsed().stream()
        .map(f -> f.item().replace("_", " ") + " " + Text.quantity(f.used()) + " of " + Text.quantity(f.allowance()) + " " + f.unit())
        .collect(Collectors.joining("; "));
  }

  /**
   * Said when the lines, each shown to the cent, do not add up to the total as shown (three
   * lines of $0.005 show $0.01 each and a total of $0.02): the reader should not suspect the sum.
   */
  private static Optional<String> roundingNote(CostEstimate e) {
    BigDecimal linesShown = e.lines().stream().map(l -> Text.shown(l.usd())).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (linesShown.compareTo(Text.shown(e.totalUsd())) == 0) {
      return Optional.empty();
    }
    return Optional.of("The lines as shown add up to $" + Text.grouped(Text.number(linesShown), 8)
        + ", not the total's $" + Text.usd(e.totalUsd()) + ": each line is rounded on its own, the total is"
        + " their exact sum, $" + Text.plain(e.totalUsd()) + ", rounded once");
  }

  private static String table(CostEstimate e, Conversion c) {
    StringBuilder sb = new StringBuilder(title(e)).append("\n\n");
    sb.append(Text.columns(rows(e, c), false, false, true, true, true, true));
    roundingNote(e).ifPresent(n -> sb.append(n).append(".\n"));
    sb.append('\n').append(freeTierSummary(e)).append('\n');
    if (c != null) {
      sb.append("Converted at ").append(Text.plain(c.rate())).append(' ').append(c.currency())
          .append(" per USD (AWS bills in USD).\n");
    }
    List<String> notes = e.lines().stream().filter(l -> !l.note().isEmpty())
        .map(l -> l.component().title() + (l.region() == null ? "" : " (" + l.region().id() + ")") + ": " + l.note())
        .toList();
    if (!notes.isEmpty()) {
      sb.append("\nNotes:\n");
      notes.forEach(n -> sb.append("  - ").append(n).append('\n'));
    }
    sb.append("\nAssumptions:\n");
    e.assumptions().forEach(a -> sb.append("  - ").append(a).append('\n'));
    return sb.toString();
  }

  private static String csv(CostEstimate e, Conversion c) {
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("component", "region", "quantity", "unit", "free_quantity", "usd"));
    if (c != null) {
      header.add(c.currency().toLowerCase(Locale.ROOT));
    }
    sb.append(Text.csv(header));
    for (CostLine l : e.lines()) {
      List<String> row = new ArrayList<>(List.of(l.component().id(), l.region() == null ? "" : l.region().id(),
          Text.plain(l.quantity()), l.unit(), Text.plain(l.freeQuantity()), Text.plain(l.usd())));
      if (c != null) {
        row.add(Text.plain(c.convert(l.usd())));
      }
      sb.append(Text.csv(row));
    }
    List<String> total = new ArrayList<>(List.of("total", "", "", "", "", Text.plain(e.totalUsd())));
    if (c != null) {
      total.add(Text.plain(c.convert(e.totalUsd())));
    }
    sb.append(Text.csv(total));
    return sb.toString();
  }

  private static String markdown(CostEstimate e, Conversion c) {
    StringBuilder sb = new StringBuilder("### ").append(title(e)).append("\n\n");
    sb.append(Text.markdown(rows(e, c), false, false, true, true, true, true));
    roundingNote(e).ifPresent(n -> sb.append('\n').append(n.replace("$", "\\$")).append(".\n"));
    sb.append('\n').append(freeTierSummary(e)).append(".\n\nAssumptions:\n\n");
    e.assumptions().forEach(a -> sb.append("- ").append(a).append('\n'));
    return sb.toString();
  }
}
