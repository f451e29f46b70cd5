package dev.cfsim.cli;

import dev.cfsim.pricing.PlanComparer;
import dev.cfsim.pricing.PlanComparison;
import dev.cfsim.report.Conversion;
import dev.cfsim.report.PlansRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cfsim plans}: the same profile under pay-as-you-go, each flat-rate plan and the savings bundle. */
@Command(
    name = "plans",
    mixinStandardHelpOptions = true,
    description = "Compares every way to pay for a profile: pay-as-you-go and the Security Savings Bundle (each"
        + " also under every other price class whose bill differs: a trade, more latency for the viewers it"
        + " leaves out) and each flat-rate plan; names the cheapest that fits for the service as the profile"
        + " has it and, for each plan that does not fit, the allowance it exceeds.",
    footer = {"", "Examples:",
        "  cfsim plans --profile examples/profiles/korea-mall.yaml",
        "  cfsim plans --profile examples/profiles/korea-mall.yaml --format json"})
final class PlansCommand implements Callable<Integer> {
  @Mixin PricingOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Conversion conversion = options.conversion();
    PlanComparison plans = PlanComparer.compare(options.readProfile(), options.readPriceBook(), options.estimateOptions());
    spec.commandLine().getOut().print(PlansRenderer.render(plans, options.format, conversion));
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }
}
