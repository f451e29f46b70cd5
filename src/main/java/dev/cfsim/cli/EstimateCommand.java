package dev.cfsim.cli;

import dev.cfsim.pricing.CostEngine;
import dev.cfsim.pricing.CostEstimate;
import dev.cfsim.report.Conversion;
import dev.cfsim.report.EstimateRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cfsim estimate}: a profile's monthly pay-as-you-go CloudFront bill, line by line. */
@Command(
    name = "estimate",
    mixinStandardHelpOptions = true,
    description = {"Prices a traffic profile against CloudFront's published prices: every line of the monthly",
        "bill per component and region, the free tier used, the total, and the assumptions made."},
    footer = {"", "Examples:",
        "  cfsim estimate --profile examples/profiles/korea-mall.yaml",
        "  cfsim estimate --profile examples/profiles/korea-mall.yaml --format json --currency KRW --fx 1400",
        "  cfsim estimate --profile my.yaml --price-class 200 --free-tier none"})
final class EstimateCommand implements Callable<Integer> {
  @Mixin PricingOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Conversion conversion = options.conversion();
    CostEstimate estimate = CostEngine.estimate(options.readProfile(), options.readPriceBook(), options.estimateOptions());
    spec.commandLine().getOut().print(EstimateRenderer.render(estimate, options.format, conversion));
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }
}
