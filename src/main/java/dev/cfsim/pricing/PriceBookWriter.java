package dev.cfsim.pricing;

import dev.cfsim.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a price book in the file shape {@link PriceBookReader} reads, so imported books load like shipped ones. */
public final class PriceBookWriter {
  private PriceBookWriter() {}

  /** The book as pretty-printed JSON. */
  public static String toJson(PriceBook book) {
    return Json.write(toMap(book));
  }

  /** The book as an ordered map of the file's keys. */
  public static Map<String, Object> toMap(PriceBook b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", b.id());
    m.put("currency", b.currency());
    m.put("title", b.title());
    m.put("notes", b.notes());
    Map<String, Object> regions = new LinkedHashMap<>();
    b.regions().forEach((r, p) -> {
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("data_transfer_out", tiered(p.dataTransferOut()));
      rm.put("data_transfer_origin", rate(p.dataTransferOrigin()));
      rm.put("requests_http", rate(p.requestsHttp()));
      rm.put("requests_https", rate(p.requestsHttps()));
      regions.put(r.id(), rm);
    });
    m.put("regions", regions);
    m.put("functions", rate(b.functions()));
    m.put("kvs_reads", rate(b.kvsReads()));
    m.put("kvs_api_calls", rate(b.kvsApiCalls()));
    m.put("lambda_edge_requests", rate(b.lambdaEdgeRequests()));
    m.put("lambda_edge_duration", rate(b.lambdaEdgeDuration()));
    Map<String, Object> shield = new LinkedHashMap<>();
    b.originShield().forEach((k, v) -> shield.put(k, rate(v)));
    m.put("origin_shield_requests", shield);
    m.put("invalidations", tiered(b.invalidations()));
    m.put("realtime_logs", rate(b.realtimeLogs()));
    m.put("field_level_encryption", rate(b.fieldLevelEncryption()));
    m.put("dedicated_ip", rate(b.dedicatedIp()));
    FreeTier f = b.freeTier();
    Map<String, Object> free = new LinkedHashMap<>();
    free.put("data_transfer_out_gb", f.dataTransferOutGb());
    free.put("requests", f.requests());
    free.put("function_invocations", f.functionInvocations());
    free.put("kvs_reads", f.kvsReads());
    m.put("free_tier", sourced(free, f.source()));
    Map<String, Object> classes = new LinkedHashMap<>();
    b.priceClasses().forEach((pc, rule) -> {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("serves", rule.serves().stream().map(PricingRegion::id).toList());
      Map<String, Object> others = new LinkedHashMap<>();
      rule.othersBilledAs().forEach((from, to) -> others.put(from.id(), to.id()));
      cm.put("others_billed_as", others);
      classes.put(pc.id(), sourced(cm, rule.source()));
    });
    m.put("price_classes", classes);
    List<Object> plans = new ArrayList<>();
    for (FlatRatePlan p : b.plans()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("name", p.name());
      pm.put("levels", p.levels().stream().map(l -> {
        Map<String, Object> lm = new LinkedHashMap<>();
        lm.put("usd", l.usd());
        lm.put("requests", l.requests());
        lm.put("data_transfer_out_gb", l.dataTransferOutGb());
        return lm;
      }).toList());
      pm.put("not_supported", p.notSupported().stream().map(Component::id).toList());
      pm.put("past_allowance", p.pastAllowance());
      plans.add(sourced(pm, p.source()));
    }
    m.put("flat_rate_plans", plans);
    SavingsBundle sb = b.savingsBundle();
    Map<String, Object> bundle = new LinkedHashMap<>();
    bundle.put("credit_divisor", sb.creditDivisor());
    bundle.put("term_months", sb.termMonths());
    bundle.put("waf_credit_share", sb.wafCreditShare());
    bundle.put("covers", sb.covers().stream().map(Component::id).toList());
    m.put("savings_bundle", sourced(bundle, sb.source()));
    return m;
  }

  private static Map<String, Object> rate(Rate r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("usd", r.usd());
    m.put("per", r.per());
    m.put("unit", r.unit());
    return sourced(m, r.source());
  }

  private static Map<String, Object> tiered(TieredRate t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("unit", t.unit());
    m.put("tiers", t.tiers().stream().map(tier -> {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("from", tier.from());
      tm.put("to", tier.to());
      tm.put("usd", tier.usd());
      return tm;
    }).toList());
    return sourced(m, t.source());
  }

  private static Map<String, Object> sourced(Map<String, Object> m, Source s) {
    m.put("source", s.url());
    m.put("read", s.read().toString());
    if (!s.note().isEmpty()) {
      m.put("note", s.note());
    }
    return m;
  }
}
