package dev.cfsim.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.TrafficTally;
import dev.cfsim.pricing.PricingRegion;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
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
    // Europe: 90 requests in 24 hours × 730 / 24 = 2,737.5, rounded half-even to 2,738
    assertEquals(new BigDecimal("2738"), p.regions().get(PricingRegion.EU).requests());
    TrafficProfile back = TrafficProfileReader.parse("written", TrafficProfileWriter.toYaml(p));
    assertEquals(p.regions(), back.regions());
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
