package dev.cfsim.emulator;

import dev.cfsim.rules.Condition;
import dev.cfsim.rules.Rule;
import dev.cfsim.rules.RuleSet;
import dev.cfsim.rules.RuleWarning;
import dev.cfsim.viewer.CloudFrontHeader;
import dev.cfsim.viewer.HeaderSelection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Flags rules that test a header a replay never has: a viewer header access logs do not record,
 * a CloudFront header built from what logs do not record (fingerprints, header order), or one the
 * headers the replay adds ({@code --headers}) leave out. The report would otherwise silently
 * under-count the rule.
 */
public final class LoggedHeaders {
  /** Viewer headers a log line carries (see {@link LoggedRequests}). */
  static final Set<String> RECORDED = Set.of("host", "user-agent", "referer");

  /** CloudFront headers built from what no log records, so never in a replayed event. */
  static final Set<CloudFrontHeader> NOT_RECORDED = EnumSet.of(CloudFrontHeader.VIEWER_JA3_FINGERPRINT,
      CloudFrontHeader.VIEWER_JA4_FINGERPRINT, CloudFrontHeader.VIEWER_HEADER_ORDER, CloudFrontHeader.VIEWER_HEADER_COUNT);

  private LoggedHeaders() {}

  /** The warnings for {@code rules} replayed with {@code added}, the CloudFront headers the replay adds. */
  public static List<RuleWarning> warnings(RuleSet rules, HeaderSelection added) {
    List<RuleWarning> out = warnings(rules);
    for (CloudFrontHeader h : rules.cloudFrontHeaders()) {
      if (NOT_RECORDED.contains(h)) {
        out.add(new RuleWarning("rules", "read " + h.documentedName()
            + ", which access logs do not record: in this replay it is always absent"));
      } else if (!added.headers().contains(h)) {
        out.add(new RuleWarning("rules", "read " + h.documentedName() + ", which the headers this replay adds"
            + " (--headers) leave out: the rules see it absent on every request, as they would if no policy on"
            + " the cache behavior added it"));
      }
    }
    return out;
  }

  static List<RuleWarning> warnings(RuleSet rules) {
    List<RuleWarning> out = new ArrayList<>();
    for (int i = 0; i < rules.rules().size(); i++) {
      Rule rule = rules.rules().get(i);
      List<String> missing = rule.when().tests()
          .filter(t -> t instanceof Condition.Field f && f.source() == Condition.Source.HEADER
              && !RECORDED.contains(f.name()) && !f.name().startsWith("cloudfront-"))
          .map(t -> ((Condition.Field) t).name()).distinct().toList();
      for (String name : missing) {
        out.add(new RuleWarning("rules[" + i + "] (" + rule.id() + ")", "tests header '" + name
            + "', which access logs do not record: in this replay it is always absent"));
      }
    }
    return out;
  }
}
