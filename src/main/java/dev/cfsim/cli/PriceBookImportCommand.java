package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.UserFiles;
import dev.cfsim.pricing.OfferFileImporter;
import dev.cfsim.pricing.PriceBookWriter;
import dev.cfsim.pricing.PriceBooks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cfsim pricebook import}: a new price book from AWS's Price List offer file, without code changes. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Builds a price book from AWS's Price List offer file for AmazonCloudFront. Prices the"
        + " offer file has replace those of the base book; what it lacks (flat-rate plans, the savings bundle,"
        + " price classes, Lambda@Edge) is kept from the base book. The $0 'Global' free-tier SKUs set the"
        + " free tier, never a price. A summary goes to stderr.",
    footer = {"", "The offer file:",
        "  " + PriceBookImportCommand.OFFER_URL,
        "", "Example:",
        "  curl -sSo offer.json " + PriceBookImportCommand.OFFER_URL,
        "  cfsim pricebook import offer.json --id 2026-12-01 --output pricing/2026-12-01.json"})
final class PriceBookImportCommand implements Callable<Integer> {
  /** Where AWS publishes the current AmazonCloudFront offer file. */
  static final String OFFER_URL =
      "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonCloudFront/current/index.json";

  @Parameters(paramLabel = "OFFER", description = "The AmazonCloudFront offer file, JSON (or an excerpt of it).")
  Path offer;

  @Option(names = "--base", paramLabel = "FILE", description = "Price book to take the rest from (default: the newest shipped).")
  Path base;

  @Option(names = "--id", paramLabel = "DATE",
      description = "Id (effective date, YYYY-MM-DD) of the new book (default: the offer's publicationDate).")
  String id;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the book here (default: stdout).")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    OutputFiles.requireDistinct(new String[] {"OFFER", "--base", "--output"}, new Path[] {offer, base, output});
    OfferFileImporter.Result result = OfferFileImporter.importOffer(
        offer.toString(), UserFiles.readText(offer), PriceBooks.load(base), id);
    requireNamedForItsId(result.book().id());
    String json = PriceBookWriter.toJson(result.book());
    if (output == null) {
      spec.commandLine().getOut().print(json);
      spec.commandLine().getOut().flush();
    } else {
      OutputFiles.write(output, json);
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("cfsim: price book " + result.book().id() + ": " + result.updated().size() + " prices from the offer file, "
        + result.skippedFreeTier() + " free-tier SKUs used as allowances (not prices), " + result.ignored().size()
        + " SKUs not used; kept from the base book: " + String.join(", ", result.kept()));
    err.flush();
    return Main.EXIT_OK;
  }

  /**
   * An output named as a shipped book is ({@code YYYY-MM-DD.json}) must carry that date as its
   * id: cfsim chooses shipped books by file name, and the id defaults to the offer's own date.
   */
  private void requireNamedForItsId(String bookId) {
    String name = output == null || output.getFileName() == null ? "" : output.getFileName().toString();
    if (name.matches("\\d{4}-\\d{2}-\\d{2}\\.json") && !name.equals(bookId + ".json")) {
      throw new InvalidInputException("--output", "", "the file is named " + name + " but the book's id is " + bookId
          + (id == null ? " (the offer's publicationDate)" : "") + "; pass --id " + name.substring(0, 10)
          + " or name the file " + bookId + ".json (cfsim chooses price books in pricing/ by file name)");
    }
  }
}
