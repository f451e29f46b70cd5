package dev.cfsim.emulator;

import dev.cfsim.rules.Decision;
import dev.cfsim.rules.QueryStrings;
import dev.cfsim.viewer.FieldValue;
import dev.cfsim.viewer.ViewerRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts replayed requests for one thread; tallies from several threads {@link #merge}. Memory
 * is bounded whatever the log size: counters per decision, country (at most ~250) and device,
 * at most {@link #MAX_TARGETS} redirect targets, and {@link #SAMPLES_PER_DECISION} samples per
 * decision. Not thread-safe: one tally per thread.
 */
public final class EmulationTally {
  /** Example requests kept per decision. */
  public static final int SAMPLES_PER_DECISION = 3;
  /** Distinct redirect targets kept; further targets are counted under {@link #OTHER_TARGETS}. */
  public static final int MAX_TARGETS = 100;
  /** The bucket for redirect targets beyond {@link #MAX_TARGETS}. */
  public static final String OTHER_TARGETS = "(other targets)";

  /** Cache results after which CloudFront went to the origin (x-edge-result-type). */
  private static final Set<String> ORIGIN_RESULTS = Set.of("Miss", "RefreshHit");

  private final List<String> ids;
  /** Decisions that are failures (a function that threw): no saved origin fetch. */
  private final boolean[] failure;
  private final Map<String, Integer> index = new HashMap<>();
  private long records;
  private double requests;
  private final double[] decisions;
  /** Per decision, the redirected requests a browser will not repeat as sent (see {@link Redirects#changesMethod}). */
  private final double[] methodChanging;
  /** Per decision, redirects to the very URL requested: the browser asks again and is redirected again. */
  private final double[] toSelf;
  private final Map<String, double[]> byCountry = new HashMap<>();
  private final Map<String, double[]> byDevice = new HashMap<>();
  private final Map<String, double[]> targets = new HashMap<>();
  /**
   * Per decision, the last redirect target label and the absolute site and status it was built
   * from. A rule's redirects share one site, so the label ("302 https://kr.example.com") is
   * reused instead of built and hashed anew per request.
   */
  private final String[] lastSite;
  private final int[] lastStatus;
  private final String[] lastTarget;
  private final long[][] sampleKeys;
  private final Replayed[][] samples;
  private double edgeResponses;
  private double originFetchesAvoided;
  private double changedRequests;
  private double withoutHost;

  /** A tally for decisions that carry one of {@code decisionIds} (see RuleEvaluator#decisionIds). */
  public EmulationTally(List<String> decisionIds) {
    this(decisionIds, Set.of());
  }

  /**
   * A tally whose {@code failureIds} are answers CloudFront gives when the logic failed (a
   * function that threw: 503), which save the origin nothing worth reporting.
   */
  public EmulationTally(List<String> decisionIds, Set<String> failureIds) {
    ids = List.copyOf(decisionIds);
    failure = new boolean[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      failure[i] = failureIds.contains(ids.get(i));
    }
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    decisions = new double[ids.size()];
    methodChanging = new double[ids.size()];
    toSelf = new double[ids.size()];
    lastSite = new String[ids.size()];
    lastStatus = new int[ids.size()];
    lastTarget = new String[ids.size()];
    sampleKeys = new long[ids.size()][];
    samples = new Replayed[ids.size()][];
    for (int i = 0; i < ids.size(); i++) {
      sampleKeys[i] = new long[0];
      samples[i] = new Replayed[0];
    }
  }

  /** Counts one replayed request. */
  public void add(Replayed r) {
    Integer boxed = index.get(r.decision().ruleId());
    if (boxed == null) {
      throw new IllegalArgumentException("decision from an unknown rule: " + r.decision().ruleId());
    }
    int d = boxed;
    double w = r.weight();
    records++;
    requests += w;
    decisions[d] += w;
    Map<String, FieldValue> headers = r.event().request().headers();
    if (headers.get("host") == null) {
      withoutHost += w;
    }
    row(byCountry, ViewerLabels.country(headers))[d] += w;
    row(byDevice, ViewerLabels.device(headers))[d] += w;
    if (r.decision() instanceof Decision.Response response) {
      // rules answer only with redirects; a function may also answer 200 or fail with 503
      if (Redirects.isRedirect(response)) {
        edgeResponses += w;
        countTarget(target(d, response), w);
        if (Redirects.changesMethod(r.event().request().method(), response.statusCode())) {
          methodChanging[d] += w;
        }
        if (Redirects.isOwnUrl(r.event().request(), r.https(), response.location())) {
          toSelf[d] += w;
        }
      }
      if (!failure[d] && r.edgeResultType() != null && ORIGIN_RESULTS.contains(r.edgeResultType())) {
        originFetchesAvoided += w;
      }
    } else if (((Decision.Request) r.decision()).changed()) {
      changedRequests += w;
    }
    offerSample(d, r);
  }

  /** Adds another thread's tally into this one. */
  public EmulationTally merge(EmulationTally other) {
    if (!ids.equals(other.ids)) {
      throw new IllegalArgumentException("tallies of different rule sets");
    }
    records += other.records;
    requests += other.requests;
    addInto(decisions, other.decisions);
    addInto(methodChanging, other.methodChanging);
    addInto(toSelf, other.toSelf);
    other.byCountry.forEach((k, v) -> addInto(row(byCountry, k), v));
    other.byDevice.forEach((k, v) -> addInto(row(byDevice, k), v));
    other.targets.forEach((k, v) -> countTarget(k, v[0]));
    edgeResponses += other.edgeResponses;
    originFetchesAvoided += other.originFetchesAvoided;
    changedRequests += other.changedRequests;
    withoutHost += other.withoutHost;
    for (int d = 0; d < ids.size(); d++) {
      for (int s = 0; s < other.samples[d].length; s++) {
        offerSample(d, other.sampleKeys[d][s], other.samples[d][s]);
      }
    }
    return this;
  }

  /** The counts so far, as an immutable value. */
  public EmulationCounts counts() {
    Map<String, Double> decisionMap = new LinkedHashMap<>();
    Map<String, Double> methodChangingMap = new LinkedHashMap<>();
    Map<String, Double> toSelfMap = new LinkedHashMap<>();
    Map<String, List<Sample>> sampleMap = new LinkedHashMap<>();
    for (int d = 0; d < ids.size(); d++) {
      decisionMap.put(ids.get(d), decisions[d]);
      if (toSelf[d] > 0) {
        toSelfMap.put(ids.get(d), toSelf[d]);
      }
      if (methodChanging[d] > 0) {
        methodChangingMap.put(ids.get(d), methodChanging[d]);
      }
      List<Sample> list = new ArrayList<>();
      for (Replayed r : samples[d]) {
        list.add(sample(r));
      }
      sampleMap.put(ids.get(d), List.copyOf(list));
    }
    Map<String, Double> targetMap = new LinkedHashMap<>();
    targets.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, double[]>>comparingDouble(e -> -e.getValue()[0])
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> targetMap.put(e.getKey(), e.getValue()[0]));
    return new EmulationCounts(records, requests, decisionMap, breakdown(byCountry), breakdown(byDevice),
        targetMap, sampleMap, edgeResponses, originFetchesAvoided, changedRequests, withoutHost, methodChangingMap, toSelfMap);
  }

  private Map<String, Map<String, Double>> breakdown(Map<String, double[]> source) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    source.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, double[]>>comparingDouble(e -> -Arrays.stream(e.getValue()).sum())
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> {
          Map<String, Double> row = new LinkedHashMap<>();
          for (int d = 0; d < ids.size(); d++) {
            if (e.getValue()[d] != 0) {
              row.put(ids.get(d), e.getValue()[d]);
            }
          }
          out.put(e.getKey(), row);
        });
    return out;
  }

  private double[] row(Map<String, double[]> rows, String label) {
    double[] row = rows.get(label);
    if (row == null) {
      row = new double[ids.size()];
      rows.put(label, row);
    }
    return row;
  }

  /** {@code 302 https://kr.example.com}: the status and the {@link #site} of the location. */
  private String target(int d, Decision.Response response) {
    String location = response.location();
    String site = lastSite[d];
    if (site != null && lastStatus[d] == response.statusCode() && location != null
        && location.startsWith(site)
        && (location.length() == site.length() || "/?#".indexOf(location.charAt(site.length())) >= 0)) {
      // an absolute site ends where its location has '/', '?', '#' or nothing: site() would
      // cut this location at the same place
      return lastTarget[d];
    }
    site = site(location);
    String target = response.statusCode() + " " + site;
    if (location != null && site.indexOf("://") > 0) {
      lastSite[d] = site;
      lastStatus[d] = response.statusCode();
      lastTarget[d] = target;
    }
    return target;
  }

  private void countTarget(String target, double w) {
    double[] c = targets.get(target);
    if (c == null) {
      if (targets.size() >= MAX_TARGETS && !target.equals(OTHER_TARGETS)) {
        countTarget(OTHER_TARGETS, w);
        return;
      }
      c = new double[1];
      targets.put(target, c);
    }
    c[0] += w;
  }

  /** Where a redirect sends the viewer: scheme and host of an absolute URL, else the path. */
  static String site(String location) {
    if (location == null) {
      return "(no location)";
    }
    int scheme = location.indexOf("://");
    if (scheme > 0) {
      int end = location.length();
      for (char c : new char[] {'/', '?', '#'}) {
        int at = location.indexOf(c, scheme + 3);
        if (at >= 0) {
          end = Math.min(end, at);
        }
      }
      return location.substring(0, end);
    }
    int query = location.indexOf('?');
    return query < 0 ? location : location.substring(0, query);
  }

  // ---- samples: the SAMPLES_PER_DECISION requests with the smallest key ----

  private void offerSample(int d, Replayed r) {
    offerSample(d, sampleKey(r), r);
  }

  private void offerSample(int d, long key, Replayed r) {
    long[] keys = sampleKeys[d];
    if (keys.length == SAMPLES_PER_DECISION && key >= keys[keys.length - 1]) {
      return;
    }
    for (long k : keys) {
      if (k == key) {
        return; // the same request seen twice (or a hash collision): keep one
      }
    }
    int n = Math.min(keys.length + 1, SAMPLES_PER_DECISION);
    long[] newKeys = new long[n];
    Replayed[] newSamples = new Replayed[n];
    int src = 0;
    boolean placed = false;
    for (int dst = 0; dst < n; dst++) {
      if (!placed && (src >= keys.length || key < keys[src])) {
        newKeys[dst] = key;
        newSamples[dst] = r;
        placed = true;
      } else {
        newKeys[dst] = keys[src];
        newSamples[dst] = samples[d][src];
        src++;
      }
    }
    sampleKeys[d] = newKeys;
    samples[d] = newSamples;
  }

  /** A stable pseudo-random key: the same request gets the same key on every run and thread. */
  private static long sampleKey(Replayed r) {
    ViewerRequest q = r.event().request();
    long h = r.event().requestId().isEmpty()
        ? 31L * (31L * q.uri().hashCode() + r.event().viewerIp().hashCode()) + q.querystring().hashCode()
        : r.event().requestId().hashCode();
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  private static Sample sample(Replayed r) {
    ViewerRequest q = r.event().request();
    Map<String, FieldValue> h = q.headers();
    return new Sample(r.event().viewerIp(), ViewerLabels.country(h), ViewerLabels.device(h),
        q.method(), value(h, "host"), q.uri(), QueryStrings.serialise(q.querystring()), value(h, "user-agent"),
        Outcomes.describe(q, r.decision()));
  }

  private static String value(Map<String, FieldValue> headers, String name) {
    FieldValue v = headers.get(name);
    return v == null ? "" : v.value();
  }

  private static void addInto(double[] into, double[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }
}
