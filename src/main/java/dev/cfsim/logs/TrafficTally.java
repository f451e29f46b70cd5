package dev.cfsim.logs;

import dev.cfsim.pricing.PricingRegion;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collector;

/**
 * What a set of log records adds up to: requests and bytes per pricing region and protocol,
 * plus the mixes a reader of a profile wants to see (cache results, statuses, hours, object
 * sizes, edge locations). One tally per reader thread, merged at the end ({@link #collector}).
 * Memory is bounded by the number of distinct edge locations, statuses and hours in the logs,
 * never by the number of lines.
 *
 * <p>Counts are weighted: a sampled real-time line counts 100/rate requests. Bytes and requests
 * that bill are kept as exact integers per weight; the mixes are statistics and use doubles.
 */
public final class TrafficTally {

  /**
   * Methods AWS bills as proxy requests: the bytes they carry from the viewer go to the origin
   * and are billed as "data transfer out to origin" (AWS CloudFront pricing page).
   */
  public static final Set<String> PROXY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /**
   * The record fields {@link #add} reads. A job that only tallies traffic reads just these
   * ({@link LogSource#read(Collector, Set)}), and skips making the User-Agent, cookie, URI,
   * referer and TLS strings it would throw away.
   */
  public static final Set<LogField> FIELDS =
      Collections.unmodifiableSet(EnumSet.of(
          LogField.DATE, LogField.TIME, LogField.TIMESTAMP, LogField.TIMESTAMP_MS,
          LogField.EDGE_LOCATION, LogField.BYTES_SENT, LogField.BYTES_RECEIVED, LogField.METHOD,
          LogField.PROTOCOL, LogField.STATUS, LogField.RESULT_TYPE, LogField.CONTENT_LENGTH,
          LogField.COUNTRY,
          // the object-size sample picks records by a hash of these, so it is the same sample
          LogField.REQUEST_ID, LogField.CLIENT_IP));

  private static final int REGIONS = PricingRegion.values().length;
  /** Index used for edge locations outside the price book (unknown codes, China network). */
  private static final int UNPRICED = REGIONS;
  private static final PricingRegion[] REGION_BY_INDEX = PricingRegion.values();

  /** The region index of the record added last, for {@link #lastRegion}. */
  private int lastRegion = UNPRICED;

  /** Exact billing sums for records of one weight. */
  static final class Sums {
    final long[] httpRequests = new long[REGIONS + 1];
    final long[] httpsRequests = new long[REGIONS + 1];
    final long[] proxyRequests = new long[REGIONS + 1];
    final long[] bytesOut = new long[REGIONS + 1];
    final long[] bytesIn = new long[REGIONS + 1];
    final long[] bytesToOrigin = new long[REGIONS + 1];

    void merge(Sums o) {
      for (int i = 0; i <= REGIONS; i++) {
        httpRequests[i] += o.httpRequests[i];
        httpsRequests[i] += o.httpsRequests[i];
        proxyRequests[i] += o.proxyRequests[i];
        bytesOut[i] += o.bytesOut[i];
        bytesIn[i] += o.bytesIn[i];
        bytesToOrigin[i] += o.bytesToOrigin[i];
      }
    }
  }

  private final EdgeLocations edges;
  private final Map<Double, Sums> sumsByWeight = new HashMap<>();
  private double lastWeight = Double.NaN;
  private Sums last;

  private long records;
  /** Requests whose record has no {@code cs-protocol}, billed as HTTPS (weights applied). */
  private double withoutProtocol;
  private long firstMillis = Long.MAX_VALUE;
  private long lastMillis = Long.MIN_VALUE;
  private final double[] byHourOfDay = new double[24];
  // Weighted counts are kept in one-element arrays, not boxed Doubles merged per record: the
  // merges, mostly boxing, were about half of add() in async-profiler.
  private final Map<Long, double[]> byClockHour = new HashMap<>();
  /** The clock hour of the previous record and its count: logs come in time order. */
  private long lastClockHour = Long.MIN_VALUE;
  private double[] lastClockHourCount;
  private final Map<String, double[]> resultTypes = new HashMap<>();
  /** By status code, 0 to 999 (RequestRecord checks the range). */
  private final double[] statuses = new double[1000];
  private final Map<String, double[]> edgeLocations = new HashMap<>();
  private final Map<String, double[]> countries = new HashMap<>();
  private final Map<String, Long> unknownEdgeCodes = new HashMap<>();
  private final Map<String, Long> unpricedEdgeCodes = new HashMap<>();
  private final SizeSample objectSizes = new SizeSample(SizeSample.DEFAULT_CAPACITY);

  public TrafficTally(EdgeLocations edges) {
    this.edges = edges;
  }

  /** A collector for {@link LogSource#read}: one tally per thread, merged. */
  public static Collector<RequestRecord, TrafficTally, TrafficTally> collector(EdgeLocations edges) {
    return Collector.of(() -> new TrafficTally(edges), TrafficTally::add, TrafficTally::merge);
  }

  /** Counts one record. */
  public void add(RequestRecord r) {
    records++;
    double w = r.weight();
    Sums s = sums(w);
    Optional<EdgeLocation> edge = edges.find(r.edgeLocation());
    int region = regionIndex(r.edgeLocation(), edge);
    lastRegion = region;
    if (r.protocol() == null) {
      withoutProtocol += w;
    }
    if (r.isHttps()) {
      s.httpsRequests[region]++;
    } else {
      s.httpRequests[region]++;
    }
    s.bytesOut[region] += r.bytesSent();
    s.bytesIn[region] += r.bytesReceived();
    if (isProxy(r.method())) {
      s.proxyRequests[region]++;
      s.bytesToOrigin[region] += r.bytesReceived();
    }
    long t = r.timestampMillis();
    firstMillis = Math.min(firstMillis, t);
    lastMillis = Math.max(lastMillis, t);
    long clockHour = Math.floorDiv(t, 3_600_000L);
    byHourOfDay[(int) Math.floorMod(clockHour, 24L)] += w;
    if (clockHour != lastClockHour || lastClockHourCount == null) {
      lastClockHourCount = count(byClockHour, clockHour);
      lastClockHour = clockHour;
    }
    lastClockHourCount[0] += w;
    count(resultTypes, r.edgeResultType() == null ? "-" : r.edgeResultType())[0] += w;
    statuses[r.status()] += w;
    count(edgeLocations, r.edgeLocation())[0] += w;
    String country = r.country();
    if (country == null) {
      country = edge.isPresent() ? edge.get().country() : "unknown";
    }
    count(countries, country)[0] += w;
    if (r.status() >= 200 && r.status() < 300 && "GET".equals(r.method())) {
      long size = r.contentLength() >= 0 ? r.contentLength() : r.bytesSent();
      objectSizes.add(key(r), size);
    }
  }

  /** Adds another tally's counts to this one and returns this. */
  public TrafficTally merge(TrafficTally o) {
    o.sumsByWeight.forEach((w, s) -> sumsByWeight.computeIfAbsent(w, k -> new Sums()).merge(s));
    last = null;
    lastWeight = Double.NaN;
    records += o.records;
    withoutProtocol += o.withoutProtocol;
    firstMillis = Math.min(firstMillis, o.firstMillis);
    lastMillis = Math.max(lastMillis, o.lastMillis);
    for (int h = 0; h < 24; h++) {
      byHourOfDay[h] += o.byHourOfDay[h];
    }
    addCounts(byClockHour, o.byClockHour);
    addCounts(resultTypes, o.resultTypes);
    for (int status = 0; status < statuses.length; status++) {
      statuses[status] += o.statuses[status];
    }
    addCounts(edgeLocations, o.edgeLocations);
    addCounts(countries, o.countries);
    o.unknownEdgeCodes.forEach((k, v) -> unknownEdgeCodes.merge(k, v, Long::sum));
    o.unpricedEdgeCodes.forEach((k, v) -> unpricedEdgeCodes.merge(k, v, Long::sum));
    objectSizes.merge(o.objectSizes);
    return this;
  }

  /** Billing sums for one region (or null for edge locations outside the price book). */
  public RegionTotals region(PricingRegion region) {
    int i = region == null ? UNPRICED : region.ordinal();
    double http = 0, https = 0, proxy = 0, out = 0, in = 0, origin = 0;
    for (Map.Entry<Double, Sums> e : sumsByWeight.entrySet()) {
      double w = e.getKey();
      Sums s = e.getValue();
      http += w * s.httpRequests[i];
      https += w * s.httpsRequests[i];
      proxy += w * s.proxyRequests[i];
      out += w * s.bytesOut[i];
      in += w * s.bytesIn[i];
      origin += w * s.bytesToOrigin[i];
    }
    return new RegionTotals(http, https, proxy, out, in, origin);
  }

  /**
   * Requests and bytes of one region. With unsampled logs every figure is an exact integer
   * (doubles hold integers exactly up to 2^53, about 9 PB).
   *
   * @param httpRequests requests over http or ws
   * @param httpsRequests requests over https or wss
   * @param proxyRequests requests with POST, PUT, PATCH, DELETE or OPTIONS
   * @param bytesOut bytes sent to viewers ({@code sc-bytes})
   * @param bytesIn bytes received from viewers ({@code cs-bytes})
   * @param bytesToOrigin bytes received with proxy methods, which CloudFront passes to the origin
   */
  public record RegionTotals(
      double httpRequests, double httpsRequests, double proxyRequests, double bytesOut,
      double bytesIn, double bytesToOrigin) {

    public double requests() {
      return httpRequests + httpsRequests;
    }

    public boolean isEmpty() {
      return requests() == 0;
    }
  }

  /** Records read (each once, whatever its weight). */
  public long records() {
    return records;
  }

  /** Requests the records stand for (weights applied). */
  public double requests() {
    double sum = 0;
    for (double[] v : resultTypes.values()) {
      sum += v[0];
    }
    return sum;
  }

  /** Earliest timestamp, epoch ms; Long.MAX_VALUE when empty. */
  public long firstMillis() {
    return firstMillis;
  }

  /** Latest timestamp, epoch ms; Long.MIN_VALUE when empty. */
  public long lastMillis() {
    return lastMillis;
  }

  /** Requests by UTC hour of day, 0 to 23. */
  public double[] byHourOfDay() {
    return byHourOfDay.clone();
  }

  /**
   * The busiest clock hour's requests over the mean of the clock hours from the first to the
   * last record (hours without traffic count as zero); 0 when empty.
   */
  public double peakToMean() {
    if (byClockHour.isEmpty()) {
      return 0;
    }
    long firstHour = Math.floorDiv(firstMillis, 3_600_000L);
    long lastHour = Math.floorDiv(lastMillis, 3_600_000L);
    double peak = byClockHour.values().stream().mapToDouble(v -> v[0]).max().orElseThrow();
    double mean = requests() / (lastHour - firstHour + 1);
    return peak / mean;
  }

  /** Hours the logs span, from the start of the first record's hour to the end of the last's. */
  public long hoursCovered() {
    if (records == 0) {
      return 0;
    }
    return Math.floorDiv(lastMillis, 3_600_000L) - Math.floorDiv(firstMillis, 3_600_000L) + 1;
  }

  /** Requests by {@code x-edge-result-type}, largest first. */
  public Map<String, Double> resultTypes() {
    return sortedByValue(resultTypes, Integer.MAX_VALUE);
  }

  /** Requests by status code, largest first ({@code 0} is {@code 000}). */
  public Map<Integer, Double> statuses() {
    Map<Integer, double[]> seen = new HashMap<>();
    for (int status = 0; status < statuses.length; status++) {
      if (statuses[status] != 0) {
        seen.put(status, new double[] {statuses[status]});
      }
    }
    return sortedByValue(seen, Integer.MAX_VALUE);
  }

  /** The busiest edge locations (full codes such as ICN54-C1). */
  public Map<String, Double> topEdgeLocations(int n) {
    return sortedByValue(edgeLocations, n);
  }

  /** The busiest viewer countries: {@code c-country} where logged, else the edge's country. */
  public Map<String, Double> topCountries(int n) {
    return sortedByValue(countries, n);
  }

  /** Edge location codes not in the edge-location list, with their record counts. */
  public Map<String, Long> unknownEdgeCodes() {
    return new TreeMap<>(unknownEdgeCodes);
  }

  /** Known codes outside the price book (the China network), with their record counts. */
  public Map<String, Long> unpricedEdgeCodes() {
    return new TreeMap<>(unpricedEdgeCodes);
  }

  /**
   * What a bill built from this tally leaves out, as a sentence for its assumptions, or null when
   * every request came through an edge location the price book covers. A total that silently
   * shrinks would read as a cheaper month.
   */
  public String unpricedTraffic() {
    double requests = region(null).requests();
    if (requests == 0) {
      return null;
    }
    Map<String, Long> codes = new TreeMap<>(unknownEdgeCodes);
    codes.putAll(unpricedEdgeCodes);
    return String.format(Locale.ROOT, "%,.0f %s through edge locations outside the price book "
        + "(%s: unknown codes, or the China network); not priced", requests,
        requests == 1 ? "request came" : "requests came", codes);
  }

  /**
   * What was assumed for records without {@code cs-protocol}, for a report's assumptions; null
   * when every record had it.
   */
  public String protocolAssumption() {
    if (withoutProtocol == 0) {
      return null;
    }
    return String.format(Locale.ROOT, "%,.0f of %,.0f requests had no cs-protocol in the logs; they are"
        + " priced as HTTPS, the dearer request rate (most CloudFront traffic is HTTPS); add the"
        + " field to the logs for the exact split", withoutProtocol, requests());
  }

  /** Sizes of objects served with 2xx to GET ({@code sc-content-len}, else {@code sc-bytes}). */
  public SizeSample objectSizes() {
    return objectSizes;
  }

  /**
   * The pricing region of the record {@link #add}ed last, or null when its edge location is
   * outside the price book: lets a caller that also tallies that record skip looking it up again.
   */
  public PricingRegion lastRegion() {
    return lastRegion == UNPRICED ? null : REGION_BY_INDEX[lastRegion];
  }

  private Sums sums(double w) {
    if (w != lastWeight) {
      last = sumsByWeight.computeIfAbsent(w, k -> new Sums());
      lastWeight = w;
    }
    return last;
  }

  /** Only GET is checked before the set: it is nearly every request and never a proxy method. */
  private static boolean isProxy(String method) {
    return method != null && !method.equals("GET") && PROXY_METHODS.contains(method);
  }

  private static <K> double[] count(Map<K, double[]> counts, K key) {
    double[] c = counts.get(key);
    if (c == null) {
      c = new double[1];
      counts.put(key, c);
    }
    return c;
  }

  private static <K> void addCounts(Map<K, double[]> into, Map<K, double[]> from) {
    from.forEach((k, v) -> count(into, k)[0] += v[0]);
  }

  private int regionIndex(String edgeLocation, Optional<EdgeLocation> found) {
    if (found.isEmpty()) {
      // listed by airport code, or as written when it does not start with one ('1LAX', '-')
      String prefix = EdgeLocations.prefix(edgeLocation);
      unknownEdgeCodes.merge(prefix.isEmpty() ? edgeLocation : prefix, 1L, Long::sum);
      return UNPRICED;
    }
    var region = found.get().region();
    if (region.isEmpty()) {
      unpricedEdgeCodes.merge(found.get().code(), 1L, Long::sum);
      return UNPRICED;
    }
    return region.get().ordinal();
  }

  private static long key(RequestRecord r) {
    long h = r.timestampMillis() * 31 + r.bytesSent();
    if (r.requestId() != null) {
      h = h * 1_000_003L + r.requestId().hashCode();
    }
    return h * 31 + (r.clientIp() == null ? 0 : r.clientIp().hashCode());
  }

  private static <K extends Comparable<K>> Map<K, Double> sortedByValue(Map<K, double[]> m, int n) {
    List<Map.Entry<K, Double>> entries = new java.util.ArrayList<>();
    m.forEach((k, v) -> entries.add(new AbstractMap.SimpleImmutableEntry<>(k, v[0])));
    entries.sort(
        Map.Entry.<K, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    Map<K, Double> out = new LinkedHashMap<>();
    for (Map.Entry<K, Double> e : entries) {
      if (out.size() >= n) {
        break;
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }
}
