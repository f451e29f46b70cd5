package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.InvalidInputException;
import dev.cfsim.pricing.PricingRegion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeLocationsTest {

  static final EdgeLocations BUILT_IN = EdgeLocations.builtIn();

  @TempDir Path dir;

  static Optional<PricingRegion> region(String edge) {
    return BUILT_IN.find(edge).orElseThrow().region();
  }

  @Test
  void suffixes_and_numbers_are_ignored_when_mapping_a_code() {
    assertEquals("ICN", EdgeLocations.prefix("ICN54-C1"));
    assertEquals("SEA", EdgeLocations.prefix("SEA900-P1"));
    assertEquals(Optional.of(PricingRegion.AP), region("ICN54-C1"));
    assertEquals(Optional.of(PricingRegion.US), region("SEA19-C2"));
    assertEquals(Optional.of(PricingRegion.US), region("LAX1"));
  }

  @Test
  void the_known_errors_of_the_source_list_are_corrected() {
    assertEquals(Optional.of(PricingRegion.AP), region("HKG62-C1"), "Hong Kong is not China");
    assertEquals(Optional.of(PricingRegion.EU), region("TLV50-C1"), "Israel is priced with Europe");
    assertEquals(Optional.of(PricingRegion.ME_AF), region("JED50-C1"));
    assertEquals("ES", BUILT_IN.find("BCN50-C1").orElseThrow().country());
    assertEquals(Optional.empty(), region("PEK1"), "the China network is outside the price book");
  }

  @Test
  void every_pricing_region_has_edge_locations() {
    for (PricingRegion r : PricingRegion.values()) {
      assertTrue(
          BUILT_IN.all().values().stream().anyMatch(e -> e.region().equals(Optional.of(r))),
          r.id());
    }
  }

  @Test
  void an_unknown_code_is_not_guessed_and_an_override_file_adds_it() throws IOException {
    assertTrue(BUILT_IN.find("XYZ9-C1").isEmpty());
    Path extra = dir.resolve("extra.json");
    Files.writeString(
        extra,
        "{\"locations\": {\"XYZ\": {\"city\": \"Somewhere\", \"country\": \"KR\", \"region\": \"ap\"},"
            + " \"LHR\": {\"city\": \"London\", \"country\": \"GB\", \"region\": \"eu\", \"note\": \"mine\"}}}");
    EdgeLocations merged = BUILT_IN.withOverrides(extra);
    assertEquals(Optional.of(PricingRegion.AP), merged.find("XYZ9-C1").orElseThrow().region());
    assertEquals("mine", merged.find("LHR5").orElseThrow().note());
  }

  @Test
  void an_override_with_an_unknown_region_names_the_field() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad, "{\"locations\": {\"XYZ\": {\"city\": \"X\", \"country\": \"KR\", \"region\": \"asia\"}}}");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> BUILT_IN.withOverrides(bad));
    assertEquals("locations.XYZ.region", e.location());
  }

  @Test
  void an_override_that_is_not_json_says_why_where() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"locations\": {\"XYZ\": {\"city\": NaN}}}");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> BUILT_IN.withOverrides(bad));
    assertEquals(bad + ": line 1, column 32: not valid JSON: NaN is not a JSON number", e.getMessage());
  }
}
