package dev.cfsim.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.TrafficTally;
import dev.cfsim.pricing.PricingRegion;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileBuilderTest {

  static TrafficTally edgeCases() throws IOException {
    TrafficTally t = new TrafficTally(EdgeLocations.builtIn());
    LogSource.readFile(
        Path.of("examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-07.edgecases"),
        LogReadOptions.defaults(), t::add);
    return t;
  }

  @Test
  void each_region_gets_its_requests_https_share_and_gigabytes() throws IOException {
    TrafficProfile p = ProfileBuilder.build(edgeCases(), "edge-cases", false);
    assertEquals(Set.of(PricingRegion.AP, PricingRegion.JP), p.regions().keySet());
    RegionTraffic ap = p.regions().get(PricingRegion.AP);
    assertEquals(new BigDecimal("6"), ap.requests());
    assertEquals(new BigDecimal("1"), ap.httpsShare());
    // 40960 bytes / 1073741824 bytes per GB = 0.000038147 GB (to 9 decimals)
    assertEquals(new BigDecimal("0.000038147"), ap.dataOutGb());
    // the POST's 2210 bytes / 1073741824 = 0.000002058 GB
    assertEquals(new BigDecimal("0.000002058"), ap.dataToOriginGb());
    RegionTraffic jp = p.regions().get(PricingRegion.JP);
    assertEquals(new BigDecimal("1"), jp.requests());
    assertEquals(BigDecimal.ZERO, jp.httpsShare().stripTrailingZeros());
  }

  @Test
  void scaling_to_a_month_multiplies_by_730_over_the_hours_covered() throws IOException {
    // all lines fall in the 07:00 hour: one hour covered, factor 730
    TrafficProfile p = ProfileBuilder.build(edgeCases(), "edge-cases", true);
    assertEquals(new BigDecimal("4380"), p.regions().get(PricingRegion.AP).requests()); // 6 * 730
    // 40960 * 730 = 29900800 bytes / 1073741824 = 0.027847290 GB
    assertEquals(new BigDecimal("0.02784729"), p.regions().get(PricingRegion.AP).dataOutGb());
  }

  @Test
  void the_yaml_written_reads_back_as_the_same_profile() throws IOException {
    TrafficProfile p = ProfileBuilder.build(edgeCases(), "edge-cases", true);
    TrafficProfile back = TrafficProfileReader.parse("written", TrafficProfileWriter.toYaml(p));
    assertEquals(p.regions(), back.regions());
  }

  @Test
  void a_month_scaled_from_a_day_of_logs_holds_whole_requests_and_reads_back() throws IOException {
    TrafficTally t = new TrafficTally(EdgeLocations.builtIn());
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("examples/logs/sample"))) {
      for (Path f : files.sorted().toList()) {
        LogSource.readFile(f, LogReadOptions.defaults(), t::add);
      }
    }
    TrafficProfile p = ProfileBuilder.build(t, "sample", true);
    // × 730 / 24: us 180 → 5,475; eu 90 → 2,737.5; jp 150 → 4,562.5; au 30 → 912.5;
    // ap 2,520 → 76,650; in 30 → 912.5. Exact total 3,000 × 730 / 24 = 91,250; the floors add
    // to 91,248, so the two extra go to the first two of the four tied .5 remainders: eu, jp.
    // (Rounding each half-even gave 2,738 + 4,562 + 912 + 912: 91,249 in all.)
    assertEquals(new BigDecimal("5475"), p.regions().get(PricingRegion.US).requests());
    assertEquals(new BigDecimal("2738"), p.regions().get(PricingRegion.EU).requests());
    assertEquals(new BigDecimal("4563"), p.regions().get(PricingRegion.JP).requests());
    assertEquals(new BigDecimal("912"), p.regions().get(PricingRegion.AU).requests());
    assertEquals(new BigDecimal("76650"), p.regions().get(PricingRegion.AP).requests());
    assertEquals(new BigDecimal("912"), p.regions().get(PricingRegion.IN).requests());
    TrafficProfile back = TrafficProfileReader.parse("written", TrafficProfileWriter.toYaml(p));
    assertEquals(p.regions(), back.regions());
  }

  @Test
  void a_sampled_real_time_log_gives_whole_requests_that_estimate_reads_back() throws IOException {
    TrafficTally t = new TrafficTally(EdgeLocations.builtIn());
    LogSource.readFile(Path.of("examples/logs/handwritten/realtime-all-40-fields.log"),
        LogReadOptions.defaults().withSamplingRate(3), t::add);
    TrafficProfile p = ProfileBuilder.build(t, "sampled", false);
    // two lines at 3 % stand for 100 / 3 requests each, one per region: 33.33 + 33.33 = 66.67,
    // made 67 in all: the first region gets the extra request.
    assertEquals(2, p.regions().size());
    var counts = p.regions().values().stream().map(RegionTraffic::requests).toList();
    assertEquals(List.of(new BigDecimal("34"), new BigDecimal("33")), counts);
    // before, the profile held 33.33333333333334 requests a region and the reader refused it
    TrafficProfile back = TrafficProfileReader.parse("written", TrafficProfileWriter.toYaml(p));
    assertEquals(p.regions(), back.regions());
    // the emulator prices what was measured, not the whole numbers
    BigDecimal measured = ProfileBuilder.measured(t, "sampled").regions().values().stream()
        .map(RegionTraffic::requests).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertTrue(measured.subtract(new BigDecimal("66.66666666666667")).abs().compareTo(new BigDecimal("1e-12")) < 0,
        measured.toPlainString());
  }

  @Test
  void the_month_factor_is_730_over_the_hours_covered_to_six_places() throws IOException {
    assertEquals(new BigDecimal("730"), ProfileBuilder.monthFactor(edgeCases())); // one hour: 730 / 1
    TrafficTally day = new TrafficTally(EdgeLocations.builtIn());
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("examples/logs/sample"))) {
      for (Path f : files.sorted().toList()) {
        LogSource.readFile(f, LogReadOptions.defaults(), day::add);
      }
    }
    assertEquals(new BigDecimal("30.416667"), ProfileBuilder.monthFactor(day)); // 730 / 24 = 30.4166…, half-even
    assertEquals(BigDecimal.ONE, ProfileBuilder.monthFactor(new TrafficTally(EdgeLocations.builtIn()))); // no logs
  }

  @Test
  void a_day_of_logs_does_not_cover_more_than_a_month() throws IOException {
    assertFalse(ProfileBuilder.coversMoreThanAMonth(edgeCases()));
  }
}
