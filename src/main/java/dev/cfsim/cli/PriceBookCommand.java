package dev.cfsim.cli;

import dev.cfsim.pricing.PriceBooks;
import dev.cfsim.report.Format;
import dev.cfsim.report.PriceBookRenderer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cfsim pricebook}: shows the prices cfsim uses, each with its source and the date it was read. */
@Command(
    name = "pricebook",
    mixinStandardHelpOptions = true,
    description = {"Shows a price book: every CloudFront price cfsim uses, with its source URL and the date",
        "it was read. 'pricebook import' builds a new one from AWS's Price List offer file."},
    subcommands = PriceBookImportCommand.class,
    footer = {"", "Examples:",
        "  cfsim pricebook",
        "  cfsim pricebook --format csv > prices.csv",
        "  cfsim pricebook import index.json --output pricing/2026-12-01.json"})
final class PriceBookCommand implements Callable<Integer> {
  @Option(names = "--price-book", paramLabel = "FILE", description = "Price book JSON (default: the newest shipped).")
  Path priceBook;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json, csv or markdown (default: ${DEFAULT-VALUE}).")
  Format format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    spec.commandLine().getOut().print(PriceBookRenderer.render(PriceBooks.load(priceBook), format));
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }
}
