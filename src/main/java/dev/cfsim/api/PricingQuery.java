package dev.cfsim.api;

import dev.cfsim.InvalidInputException;
import dev.cfsim.pricing.EstimateOptions;
import dev.cfsim.pricing.FreeTierUse;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.pricing.PriceClass;
import dev.cfsim.report.Conversion;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The query options of the pricing routes, checked: {@code price_book}, {@code price_class} and
 * {@code free_tier} override the profile; {@code currency} with {@code fx} (units per US dollar)
 * adds converted figures, as the CLI's {@code --currency} and {@code --fx} do. A bad option is a
 * 400 problem naming the parameter.
 *
 * @param book the price book to price with
 * @param options price class and free tier overrides (null fields: as the profile says)
 * @param conversion figures in a second currency, or null
 */
record PricingQuery(PriceBook book, EstimateOptions options, Conversion conversion) {
  static final List<String> PARAMETERS =
      List.of("price_book", "price_class", "free_tier", "currency", "fx");

  static PricingQuery from(Context ctx, PriceBookCatalog books) {
    QueryParameters query = QueryParameters.read(ctx, PARAMETERS);
    PriceBook book = books.forParameter(query.get("price_book"));
    PriceClass priceClass = option(query, "price_class", t -> PriceClass.parse(t, "price_class", ""));
    FreeTierUse freeTier = option(query, "free_tier", t -> FreeTierUse.parse(t, "free_tier", ""));
    return new PricingQuery(book, new EstimateOptions(priceClass, freeTier), conversion(query));
  }

  private static Conversion conversion(QueryParameters query) {
    String currency = query.get("currency");
    String fx = query.get("fx");
    if (currency == null && fx == null) {
      return null;
    }
    if (currency != null && currency.trim().toUpperCase(Locale.ROOT).equals("USD") && fx == null) {
      return null; // the native currency: nothing to convert
    }
    if (currency == null) {
      throw ProblemException.badParameter("currency", "fx needs a currency, e.g. currency=KRW&fx=1400");
    }
    if (fx == null) {
      throw ProblemException.badParameter(
          "fx", "currency=" + currency + " needs fx, the units of " + currency + " per US dollar");
    }
    BigDecimal rate = option(query, "fx", Conversion::rate);
    return option(query, "currency", c -> new Conversion(c, rate));
  }

  /** The parsed option, null when absent; a parse error becomes a 400 naming the parameter. */
  private static <T> T option(QueryParameters query, String name, Function<String, T> parse) {
    String text = query.get(name);
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (InvalidInputException e) {
      throw ProblemException.badParameter(name, e.problem());
    }
  }
}
