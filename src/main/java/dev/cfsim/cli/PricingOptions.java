package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.pricing.EstimateOptions;
import dev.cfsim.pricing.FreeTierUse;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.pricing.PriceBooks;
import dev.cfsim.pricing.PriceClass;
import dev.cfsim.report.Conversion;
import dev.cfsim.report.Format;
import dev.cfsim.traffic.TrafficProfile;
import dev.cfsim.traffic.TrafficProfileReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options {@code estimate} and {@code plans} share: the profile, the price book and how to show the result. */
final class PricingOptions {
  @Option(names = "--profile", paramLabel = "FILE", description = "Traffic profile (YAML or JSON).")
  Path profile;

  @Option(names = "--price-book", paramLabel = "FILE",
      description = "Price book JSON (default: the newest one shipped with cfsim).")
  Path priceBook;

  @Option(names = "--price-class", paramLabel = "CLASS",
      description = "Price class to price: 100, 200 or all (default: the profile's).")
  String priceClass;

  @Option(names = "--free-tier", paramLabel = "USE",
      description = "account: the account's always-free tier applies; none: other distributions used it"
          + " (default: the profile's).")
  String freeTier;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json, csv or markdown (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--currency", paramLabel = "CODE", description = "Also show figures in this currency, e.g. KRW (needs --fx).")
  String currency;

  @Option(names = "--fx", paramLabel = "RATE", converter = OptionValues.FxRate.class,
      description = "Units of --currency per US dollar, e.g. 1400.")
  BigDecimal fx;

  TrafficProfile readProfile() throws IOException {
    if (profile == null) {
      throw new InvalidInputException("--profile", "", "missing: give --profile FILE (estimate also takes --logs LOGS)");
    }
    return TrafficProfileReader.read(profile);
  }

  PriceBook readPriceBook() throws IOException {
    return PriceBooks.load(priceBook);
  }

  EstimateOptions estimateOptions() {
    return new EstimateOptions(
        priceClass == null ? null : PriceClass.parse(priceClass, "--price-class", ""),
        freeTier == null ? null : FreeTierUse.parse(freeTier, "--free-tier", ""));
  }

  /** The conversion asked for, or null; giving only one of --currency and --fx is refused. */
  Conversion conversion() {
    return currency == null && fx == null ? null : new Conversion(currency, fx);
  }
}
