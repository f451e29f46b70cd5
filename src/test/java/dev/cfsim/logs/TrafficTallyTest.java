package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfsim.pricing.PricingRegion;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrafficTallyTest {

  static TrafficTally tallyOfEdgeCases() throws IOException {
    TrafficTally t = new TrafficTally(EdgeLocations.builtIn());
    LogSourceTest.readAll(LogSourceTest.EDGE_CASES).forEach(t::add);
    return t;
  }

  @Test
  void requests_and_bytes_are_summed_per_pricing_region_and_protocol() throws IOException {
    TrafficTally t = tallyOfEdgeCases();
    TrafficTally.RegionTotals ap = t.region(PricingRegion.AP);
    // lines 1,2,3,5,6,7 at ICN (Seoul), all https
    assertEquals(6, ap.httpsRequests());
    assertEquals(0, ap.httpRequests());
    assertEquals(5120 + 20480 + 0 + 5120 + 5120 + 5120, ap.bytesOut());
    // five requests of 310 bytes and the POST of 2210
    assertEquals(5 * 310 + 2210, ap.bytesIn());
    assertEquals(1, ap.proxyRequests());
    assertEquals(2210, ap.bytesToOrigin());
    // line 4 at NRT (Tokyo) over plain http
    TrafficTally.RegionTotals jp = t.region(PricingRegion.JP);
    assertEquals(1, jp.httpRequests());
    assertEquals(1400, jp.bytesOut());
    assertEquals(7, t.records());
  }

  @Test
  void result_and_status_mixes_and_object_sizes_come_from_the_lines() throws IOException {
    TrafficTally t = tallyOfEdgeCases();
    assertEquals(Map.of("Hit", 3.0, "Miss", 2.0, "Error", 1.0, "RefreshHit", 1.0), t.resultTypes());
    assertEquals(Map.of(200, 5.0, 0, 1.0, 206, 1.0), t.statuses());
    // 2xx GETs: content lengths 4800, 20000, 4800, 4800 and, without a length, sc-bytes 5120
    assertEquals(5, t.objectSizes().seen());
    assertEquals(4800.0, t.objectSizes().percentile(50));
    assertEquals(List.of("ICN54-C1", "NRT57-P2"), List.copyOf(t.topEdgeLocations(5).keySet()));
    assertEquals(Map.of("KR", 6.0, "JP", 1.0), t.topCountries(5));
    assertEquals(7.0, t.byHourOfDay()[7]);
    assertEquals(1.0, t.peakToMean(), "one hour of traffic is its own mean");
  }

  @Test
  void sampled_realtime_lines_count_100_over_the_rate_in_requests_and_bytes() throws IOException {
    TrafficTally t = new TrafficTally(EdgeLocations.builtIn());
    LogSourceTest.readAll(
            java.nio.file.Path.of("examples/logs/handwritten/realtime-all-40-fields.log"),
            LogReadOptions.defaults().withSamplingRate(10))
        .forEach(t::add);
    // two lines at 10 percent sampling: 10 requests each
    assertEquals(2, t.records());
    assertEquals(20.0, t.requests());
    assertEquals(10, t.region(PricingRegion.AP).httpsRequests()); // ICN57-P1
    assertEquals(10 * 3100, t.region(PricingRegion.AP).bytesOut());
    assertEquals(10, t.region(PricingRegion.US).proxyRequests()); // the POST at SEA19-C1
    assertEquals(10 * 2200, t.region(PricingRegion.US).bytesToOrigin());
  }

  @Test
  void unknown_and_china_network_codes_are_reported_not_priced() throws IOException {
    TrafficTally t = new TrafficTally(EdgeLocations.builtIn());
    RequestRecord r = LogSourceTest.readAll(LogSourceTest.EDGE_CASES).get(0);
    t.add(withEdge(r, "QQQ1-C1"));
    t.add(withEdge(r, "PEK51-C1"));
    t.add(withEdge(r, "1LAX")); // no airport code to file it under: listed as written, not as ''
    assertEquals(Map.of("QQQ", 1L, "1LAX", 1L), t.unknownEdgeCodes());
    assertEquals(Map.of("PEK", 1L), t.unpricedEdgeCodes());
    assertEquals(3, t.region(null).requests());
  }

  @Test
  void a_size_sample_is_the_same_however_the_values_are_split_and_merged() {
    SizeSample whole = new SizeSample(100);
    SizeSample a = new SizeSample(100);
    SizeSample b = new SizeSample(100);
    Random rnd = new Random(1);
    for (int i = 0; i < 10_000; i++) {
      long size = rnd.nextInt(1_000_000);
      whole.add(i, size);
      (i % 3 == 0 ? a : b).add(i, size);
    }
    b.merge(a);
    assertEquals(10_000, b.seen());
    assertEquals(100, b.size());
    for (double p : new double[] {1, 50, 90, 99}) {
      assertEquals(whole.percentile(p), b.percentile(p), "p" + p);
    }
  }

  static RequestRecord withEdge(RequestRecord r, String edge) {
    return new RequestRecord(
        r.timestampMillis(), edge, r.bytesSent(), r.bytesReceived(), r.clientIp(), r.method(),
        r.distributionHost(), r.uri(), r.status(), r.referer(), r.userAgent(), r.query(),
        r.cookie(), r.edgeResultType(), r.requestId(), r.hostHeader(), r.protocol(),
        r.timeTakenMillis(), r.forwardedFor(), r.tlsProtocol(), r.tlsCipher(),
        r.edgeResponseResultType(), r.httpVersion(), r.clientPort(), r.timeToFirstByteMillis(),
        r.edgeDetailedResultType(), r.contentType(), r.contentLength(), r.rangeStart(),
        r.rangeEnd(), r.country(), r.weight());
  }
}
