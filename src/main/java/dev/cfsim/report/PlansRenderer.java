package dev.cfsim.report;

import dev.cfsim.Json;
import dev.cfsim.pricing.PlanComparison;
import dev.cfsim.pricing.PlanOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link PlanComparison}: every way to pay, cheapest fitting option first. Pure. */
public final class PlansRenderer {
  private PlansRenderer() {}

  /** The comparison in {@code format}; {@code conversion} (may be null) adds a second currency. */
  public static String render(PlanComparison p, Format format, Conversion conversion) {
    return switch (format) {
      case TABLE -> table(p, conversion);
      case JSON -> Json.write(toMap(p, conversion));
      case CSV -> csv(p, conversion);
      case MARKDOWN -> markdown(p, conversion);
    };
  }

  /** DESIGN.md's plans object: options (name, monthly_usd, fits, reasons) and cheapest, plus context. */
  public static Map<String, Object> toMap(PlanComparison p, Conversion conversion) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> options = new ArrayList<>();
    for (PlanOption o : p.options()) {
      Map<String, Object> om = new LinkedHashMap<>();
      om.put("name", o.name());
      om.put("monthly_usd", Text.number(o.monthlyUsd()));
      if (conversion != null) {
        om.put("monthly_" + conversion.currency().toLowerCase(Locale.ROOT), Text.number(conversion.convert(o.monthlyUsd())));
      }
      om.put("fits", o.fits());
      om.put("reasons", o.reasons());
      options.add(om);
    }
    m.put("options", options);
    m.put("cheapest", p.cheapest());
    m.put("profile", p.profile());
    m.put("price_book", p.priceBook());
    m.put("assumptions", p.assumptions());
    return m;
  }

  private static List<List<String>> rows(PlanComparison p, Conversion c) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("option", "USD/month"));
    if (c != null) {
      header.add(c.currency() + "/month");
    }
    header.addAll(List.of("fits", "why"));
    rows.add(header);
    for (PlanOption o : p.options()) {
      List<String> row = new ArrayList<>(List.of(o.name(), Text.usd(o.monthlyUsd())));
      if (c != null) {
        row.add(Text.grouped(c.display(o.monthlyUsd()), 2));
      }
      row.add(o.fits() ? "yes" : "no");
      row.add(String.join("; ", o.reasons()));
      rows.add(row);
    }
    return rows;
  }

  private static String title(PlanComparison p) {
    return "Ways to pay for " + p.profile() + " (price book " + p.priceBook() + "): cheapest that fits is " + p.cheapest();
  }

  private static String table(PlanComparison p, Conversion c) {
    StringBuilder sb = new StringBuilder(title(p)).append("\n\n");
    sb.append(Text.columns(rows(p, c), false, true, c != null));
    sb.append("\nAssumptions:\n");
    p.assumptions().forEach(a -> sb.append("  - ").append(a).append('\n'));
    return sb.toString();
  }

  private static String csv(PlanComparison p, Conversion c) {
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("name", "monthly_usd"));
    if (c != null) {
      header.add("monthly_" + c.currency().toLowerCase(Locale.ROOT));
    }
    header.addAll(List.of("fits", "reasons"));
    sb.append(Text.csv(header));
    for (PlanOption o : p.options()) {
      List<String> row = new ArrayList<>(List.of(o.name(), Text.plain(o.monthlyUsd())));
      if (c != null) {
        row.add(Text.plain(c.convert(o.monthlyUsd())));
      }
      row.add(String.valueOf(o.fits()));
      row.add(String.join("; ", o.reasons()));
      sb.append(Text.csv(row));
    }
    return sb.toString();
  }

  private static String markdown(PlanComparison p, Conversion c) {
    StringBuilder sb = new StringBuilder("### ").append(title(p)).append("\n\n");
    sb.append(Text.markdown(rows(p, c), false, true, c != null));
    sb.append("\nAssumptions:\n\n");
    p.assumptions().forEach(a -> sb.append("- ").append(a).append('\n'));
    return sb.toString();
  }
}
