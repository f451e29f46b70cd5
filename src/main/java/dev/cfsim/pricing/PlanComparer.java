package dev.cfsim.pricing;

import dev.cfsim.traffic.TrafficProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prices a profile under pay-as-you-go (with its price class, and with each other class whose
 * bill differs), each flat-rate plan and the Security Savings Bundle, and names the cheapest
 * option that covers it. Pure, like {@link CostEngine}.
 */
public final class PlanComparer {
  /** The name of the pay-as-you-go option. */
  public static final String PAY_AS_YOU_GO = "Pay-as-you-go";
  /** The name of the savings bundle option. */
  public static final String SAVINGS_BUNDLE = "Security Savings Bundle";

  private PlanComparer() {}

  /** Compares every way to pay for the profile. */
  public static PlanComparison compare(TrafficProfile profile, PriceBook book, EstimateOptions options) {
    CostEstimate payg = CostEngine.estimate(profile, book, options);
    List<PlanOption> all = new ArrayList<>();
    String ownClass = payg.priceClass() == PriceClass.ALL ? "" : ", " + payg.priceClass().awsName();
    all.add(new PlanOption(PAY_AS_YOU_GO + ownClass, payg.totalUsd(), true, List.of("billed per use at the rates of"
        + " price book " + book.id() + (ownClass.isEmpty() ? "" : " with " + payg.priceClass().awsName())
        + " (see cfsim estimate)")));
    List<CostEstimate> otherClasses = otherPriceClasses(profile, book, options, payg);
    Set<String> changingService = new HashSet<>();
    for (CostEstimate e : otherClasses) {
      PlanOption option = payAsYouGo(e, profile, book);
      all.add(option);
      changingService.add(option.name());
    }
    for (FlatRatePlan plan : book.plans()) {
      all.add(flatRate(plan, profile, payg));
    }
    all.add(savingsBundle(book.savingsBundle(), payg, ownClass));
    for (CostEstimate e : otherClasses) {
      // the bundle is a commitment on the bill, whatever the class: the two savings stack
      PlanOption option = savingsBundle(book.savingsBundle(), e, ", " + e.priceClass().awsName());
      all.add(option);
      changingService.add(option.name());
    }
    List<PlanOption> sorted = all.stream()
        .sorted(Comparator.comparing((PlanOption o) -> !o.fits()).thenComparing(PlanOption::monthlyUsd))
        .toList();
    // the cheapest way to pay for the same service: another price class is a trade, listed but not picked
    String cheapest = sorted.stream().filter(o -> !changingService.contains(o.name())).findFirst()
        .orElse(sorted.get(0)).name();
    List<String> assumptions = new ArrayList<>(payg.assumptions());
    assumptions.add("Flat-rate plans cover one distribution and have no overage charges: a plan fits when the month's"
        + " requests and data transfer out stay within its allowance. Their price includes AWS WAF, DDoS protection,"
        + " Route 53 DNS and an S3 storage credit, which pay-as-you-go figures here leave out; a plan's first month is"
        + " pro-rated (not shown).");
    assumptions.add("The Security Savings Bundle is a " + book.savingsBundle().termMonths() + "-month commitment credited"
        + " each month as commitment / " + book.savingsBundle().creditDivisor().toPlainString() + " of covered usage;"
        + " cfsim picks the commitment that costs least for this profile (the covered usage x "
        + book.savingsBundle().creditDivisor().toPlainString() + ", rounded up to the cent).");
    functionsAssumption(book, payg).ifPresent(assumptions::add);
    kvsApiCallsAssumption(profile, book, payg).ifPresent(assumptions::add);
    if (!otherClasses.isEmpty()) {
      assumptions.add("Options named with another price class change which edge locations serve some viewers"
          + " (served from farther away, with more latency): they are listed with what they cost, but the cheapest"
          + " option named is the cheapest for the service as the profile has it.");
    }
    return new PlanComparison(profile.name(), book.id(), sorted, cheapest, payg, assumptions);
  }

  /**
   * The bill under each other price class whose total differs from the profile's own and from
   * every class listed before it, widest class first (so of two that bill alike the one keeping
   * more edge locations is listed). A restricted class serves the viewers it leaves out from the
   * edges it keeps, at their rates, with more latency (pricing-facts §5): the trade it offers.
   */
  private static List<CostEstimate> otherPriceClasses(
      TrafficProfile profile, PriceBook book, EstimateOptions options, CostEstimate payg) {
    List<CostEstimate> out = new ArrayList<>();
    Set<BigDecimal> totals = new HashSet<>(Set.of(payg.totalUsd().stripTrailingZeros()));
    for (PriceClass pc : new PriceClass[] {PriceClass.ALL, PriceClass.PRICE_CLASS_200, PriceClass.PRICE_CLASS_100}) {
      if (pc == payg.priceClass()) {
        continue;
      }
      CostEstimate e = CostEngine.estimate(profile, book, new EstimateOptions(pc, options.freeTier()));
      if (totals.add(e.totalUsd().stripTrailingZeros())) {
        out.add(e);
      }
    }
    return out;
  }

  private static PlanOption payAsYouGo(CostEstimate e, TrafficProfile profile, PriceBook book) {
    PriceClassRule rule = book.priceClasses().get(e.priceClass());
    String moved = rule.leavesOut(profile.regions().keySet()).stream()
        .map(r -> r.id() + " from " + rule.billingRegion(r).id()).collect(Collectors.joining(", "));
    String name = e.priceClass().awsName();
    return new PlanOption(PAY_AS_YOU_GO + ", " + name, e.totalUsd(), true, List.of(moved.isEmpty()
        ? "billed per use with " + name + ": every viewer served from edges in its own region"
        : "billed per use with " + name + ": viewers outside it are served, with more latency, from"
            + " edges it keeps and billed at their rates (" + moved + ")"));
  }

  /**
   * What CloudFront Functions add under each way to pay, the question a user weighing a function
   * asks: their pay-as-you-go charge, nothing on a flat-rate plan that supports them (AWS lists
   * them with every plan, pricing-facts §4), and under the Security Savings Bundle, which credits
   * commitment / divisor of covered usage, that charge times the divisor.
   */
  private static Optional<String> functionsAssumption(PriceBook book, CostEstimate payg) {
    BigDecimal usd = payg.usd(Component.FUNCTIONS);
    if (usd.signum() == 0) {
      return Optional.empty();
    }
    List<String> including = book.plans().stream()
        .filter(p -> !p.notSupported().contains(Component.FUNCTIONS)).map(FlatRatePlan::name).toList();
    String plans = including.isEmpty() ? "no flat-rate plan supports them"
        : "nothing more on " + String.join(", ", including) + ", whose price includes them";
    String bundle = book.savingsBundle().covers().contains(Component.FUNCTIONS)
        ? "$" + money(usd.multiply(book.savingsBundle().creditDivisor())) + " of the Security Savings Bundle's commitment"
        : "$" + money(usd) + " on top of the Security Savings Bundle, which does not cover them";
    return Optional.of("CloudFront Functions add $" + money(usd) + " a month pay-as-you-go; " + plans + "; " + bundle + ".");
  }

  /**
   * How KeyValueStore API calls are treated, read from the book: AWS's plan pages name
   * CloudFront Functions but not these calls, so a plan that does not list them as unsupported
   * takes them as included, which may be too kind.
   */
  private static Optional<String> kvsApiCallsAssumption(TrafficProfile profile, PriceBook book, CostEstimate payg) {
    BigDecimal usd = payg.usd(Component.KVS_API_CALLS);
    if (usd.signum() == 0) {
      return Optional.empty();
    }
    List<String> including = book.plans().stream()
        .filter(p -> !p.notSupported().contains(Component.KVS_API_CALLS)).map(FlatRatePlan::name).toList();
    String plans = including.isEmpty()
        ? "no flat-rate plan supports them"
        : "taken as included in " + String.join(", ", including) + " (the book does not list them as unsupported),"
            + " with the CloudFront Functions they serve; AWS's plan pages do not say, so a plan may cost more";
    String bundle = book.savingsBundle().covers().contains(Component.KVS_API_CALLS)
        ? "the Security Savings Bundle covers them"
        : "the Security Savings Bundle does not list them as covered: they are paid on top";
    return Optional.of("KeyValueStore API calls (" + count(profile.kvsApiCalls()) + " a month, $" + money(usd)
        + " pay-as-you-go): " + plans + "; " + bundle + ".");
  }

  private static PlanOption flatRate(FlatRatePlan plan, TrafficProfile profile, CostEstimate payg) {
    BigDecimal requests = profile.totalRequests();
    BigDecimal gb = profile.totalDataOutGb();
    Set<Component> used = payg.lines().stream().map(CostLine::component).collect(Collectors.toSet());
    List<String> unsupported = plan.notSupported().stream().filter(used::contains).map(Component::title).toList();
    List<String> reasons = new ArrayList<>();
    if (!unsupported.isEmpty()) {
      reasons.add("does not fit: flat-rate plans do not support " + String.join(", ", unsupported));
    }
    FlatRatePlan.Level level = plan.levels().stream()
        .filter(l -> requests.compareTo(l.requests()) <= 0 && gb.compareTo(l.dataTransferOutGb()) <= 0)
        .findFirst().orElse(null);
    if (level == null) {
      FlatRatePlan.Level top = plan.levels().get(plan.levels().size() - 1);
      if (requests.compareTo(top.requests()) > 0) {
        reasons.add("does not fit: exceeds " + count(top.requests()) + " requests (profile: "
            + countBeyond(requests, top.requests()) + ")");
      }
      if (gb.compareTo(top.dataTransferOutGb()) > 0) {
        reasons.add("does not fit: exceeds " + count(top.dataTransferOutGb()) + " GB data transfer out (profile: "
            + countBeyond(gb, top.dataTransferOutGb()) + " GB)");
      }
      reasons.add("past the allowance: " + plan.pastAllowance());
      return new PlanOption(plan.name(), top.usd(), false, reasons);
    }
    String levelText = plan.levels().size() > 1 ? "usage level $" + level.usd().toPlainString() + ": " : "";
    reasons.add(levelText + "covers " + count(requests) + " of " + count(level.requests()) + " requests and "
        + count(gb) + " of " + count(level.dataTransferOutGb()) + " GB data transfer out; no overage charges");
    return new PlanOption(plan.name(), level.usd(), unsupported.isEmpty(), reasons);
  }

  private static PlanOption savingsBundle(SavingsBundle bundle, CostEstimate payg, String priceClass) {
    PlanOption option = savingsBundle(bundle, payg);
    return new PlanOption(option.name() + priceClass, option.monthlyUsd(), option.fits(), option.reasons());
  }

  private static PlanOption savingsBundle(SavingsBundle bundle, CostEstimate payg) {
    BigDecimal covered = payg.lines().stream().filter(l -> bundle.covers().contains(l.component()))
        .map(CostLine::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal uncovered = payg.totalUsd().subtract(covered);
    if (covered.signum() == 0) {
      return new PlanOption(SAVINGS_BUNDLE, payg.totalUsd(), false,
          List.of("does not fit: no covered usage to commit to (pay-as-you-go covered charges are $0)"));
    }
    BigDecimal commitment = covered.multiply(bundle.creditDivisor()).setScale(2, RoundingMode.CEILING);
    BigDecimal monthly = commitment.add(uncovered);
    return new PlanOption(SAVINGS_BUNDLE, monthly, true, List.of(
        "commit $" + commitment.toPlainString() + " a month for " + bundle.termMonths() + " months: credited as $"
            + commitment.toPlainString() + " / " + bundle.creditDivisor().toPlainString() + ", covering the $"
            + money(covered) + " of covered usage",
        saving(payg.totalUsd().subtract(monthly)) + ", and adds up to $"
            + money(commitment.multiply(bundle.wafCreditShare())) + " of AWS WAF usage",
        "the commitment is owed every month of the term, even if traffic falls"));
  }

  /**
   * What the bundle saves; with very little covered usage the commitment, rounded up to a whole
   * cent, can cost more than it saves ("saves $-0.01" read as a saving).
   */
  private static String saving(BigDecimal saved) {
    if (saved.signum() == 0) {
      return "saves nothing: costs the same as pay-as-you-go";
    }
    return saved.signum() > 0
        ? "saves $" + money(saved) + " a month against pay-as-you-go"
        : "saves nothing: costs $" + money(saved.negate()) + " a month more than pay-as-you-go"
            + " (the commitment is rounded up to whole cents)";
  }

  /** {@code v} past {@code limit}, with every digit it takes to show that it is past it. */
  private static String countBeyond(BigDecimal v, BigDecimal limit) {
    boolean roundsToLimit = v.setScale(2, RoundingMode.HALF_EVEN).compareTo(limit) == 0;
    return roundsToLimit ? v.stripTrailingZeros().toPlainString() : count(v);
  }

  private static String count(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() <= 0 ? Counts.grouped(s.toBigInteger()) : String.format("%,.2f", v);
  }

  /** Dollars to the cent; an amount under a cent to as many places as it needs (up to 8), not "0.00". */
  private static String money(BigDecimal v) {
    if (v.signum() != 0 && v.abs().compareTo(CENT) < 0) {
      return v.setScale(8, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static final BigDecimal CENT = new BigDecimal("0.01");
}
