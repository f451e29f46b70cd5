package dev.cfsim.cli;

import dev.cfsim.pricing.CostEngine;
import dev.cfsim.pricing.EstimateOptions;
import dev.cfsim.pricing.PlanComparer;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.pricing.PriceBooks;
import dev.cfsim.report.EstimateRenderer;
import dev.cfsim.report.Format;
import dev.cfsim.report.PlansRenderer;
import dev.cfsim.traffic.TrafficProfile;
import dev.cfsim.traffic.TrafficProfileReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cfsim demo}: the main job on embedded defaults, so a new user sees cfsim work at once. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs cfsim end to end on embedded defaults (no files needed): the monthly bill of an"
        + " online shop in South Korea (examples/profiles/korea-mall.yaml), the ways to pay for it, and"
        + " a generated log of its traffic replayed through the shop's redirect rules"
        + " (examples/rules/shop.yaml) with what they decide and cost.",
    footer = {"", "Example:  cfsim demo"})
final class DemoCommand implements Callable<Integer> {
  /** A copy of examples/profiles/korea-mall.yaml inside the jar (a test keeps the two identical). */
  static final String PROFILE = "korea-mall.yaml";

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    TrafficProfile profile = TrafficProfileReader.parse("classpath:" + PROFILE, embeddedProfile());
    PriceBook book = PriceBooks.newest();
    PrintWriter out = spec.commandLine().getOut();
    out.println("cfsim demo: examples/profiles/korea-mall.yaml (600,000 requests/hour, 20 TB/month, viewers in"
        + " South Korea, one viewer-request CloudFront Function per request)\n");
    out.print(EstimateRenderer.render(CostEngine.estimate(profile, book, EstimateOptions.AS_PROFILED), Format.TABLE, null));
    out.println();
    out.print(PlansRenderer.render(PlanComparer.compare(profile, book, EstimateOptions.AS_PROFILED), Format.TABLE, null));
    out.println("\nNext: cfsim estimate --profile examples/profiles/korea-mall.yaml --format json");
    DemoEmulation.run(out, book, profile);
    out.flush();
    return Main.EXIT_OK;
  }

  static String embeddedProfile() {
    return DemoEmulation.embedded("dev/cfsim/cli/" + PROFILE);
  }
}
