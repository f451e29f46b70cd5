package dev.cfsim.rules;

import dev.cfsim.viewer.CloudFrontHeader;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The logic of one viewer-request function: rules tried in order, the first that matches
 * decides; a request no rule matches gets the default action.
 *
 * @param runtime the CloudFront Functions runtime the generated code targets
 * @param rules in order; ids unique
 * @param defaultAction what happens when no rule matches; usually {@link Action.Pass}
 */
public record RuleSet(String runtime, List<Rule> rules, Action defaultAction) {

  /** The only runtime cfsim generates for (see function-facts §2.2: ES5 code, KVS available). */
  public static final String RUNTIME = "cloudfront-js-2.0";

  /** The decision id when no rule matched and the default passes the request on. */
  public static final String PASS_ID = "pass";

  /** The decision id when no rule matched and the default does something else. */
  public static final String DEFAULT_ID = "default";

  public RuleSet {
    runtime = Objects.requireNonNullElse(runtime, RUNTIME);
    if (!runtime.equals(RUNTIME)) {
      throw new IllegalArgumentException("runtime '" + runtime + "' is not supported: use " + RUNTIME);
    }
    rules = List.copyOf(rules);
    defaultAction = Objects.requireNonNullElse(defaultAction, new Action.Pass());
    Set<String> ids = new HashSet<>();
    for (Rule rule : rules) {
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException("two rules have the id '" + rule.id() + "'");
      }
    }
  }

  /** The id decisions carry when no rule matched: {@code pass} or {@code default}. */
  public String defaultId() {
    return defaultAction instanceof Action.Pass ? PASS_ID : DEFAULT_ID;
  }

  /**
   * The headers CloudFront adds that the rules read: by a country, region or device condition,
   * or by name in a header condition. CloudFront adds only those a cache or origin request
   * policy on the cache behavior names (function-facts §3), so each must be named there; a rule
   * that reads one the policies leave out sees it absent and its test fails.
   */
  public Set<CloudFrontHeader> cloudFrontHeaders() {
    Set<CloudFrontHeader> read = EnumSet.noneOf(CloudFrontHeader.class);
    rules.stream().flatMap(rule -> rule.when().tests()).forEach(test -> addHeadersRead(test, read));
    return Collections.unmodifiableSet(read);
  }

  private static void addHeadersRead(Condition test, Set<CloudFrontHeader> into) {
    if (test instanceof Condition.Country) {
      into.add(CloudFrontHeader.VIEWER_COUNTRY);
    } else if (test instanceof Condition.CountryRegion) {
      into.add(CloudFrontHeader.VIEWER_COUNTRY);
      into.add(CloudFrontHeader.VIEWER_COUNTRY_REGION);
    } else if (test instanceof Condition.DeviceIs device) {
      device.devices().forEach(d -> CloudFrontHeader.byName(d.header()).ifPresent(into::add));
    } else if (test instanceof Condition.Field field && field.source() == Condition.Source.HEADER) {
      CloudFrontHeader.byName(field.name()).ifPresent(into::add);
    }
  }
}
