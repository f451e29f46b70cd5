package dev.cfsim.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfsim.InvalidInputException;
import dev.cfsim.pricing.FreeTierUse;
import dev.cfsim.pricing.PriceClass;
import dev.cfsim.pricing.PricingRegion;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrafficProfileReaderTest {

  private static TrafficProfile parse(String yaml) {
    return TrafficProfileReader.parse("p.yaml", yaml);
  }

  private static InvalidInputException refused(String yaml) {
    return assertThrows(InvalidInputException.class, () -> parse(yaml));
  }

  private static void assertAmount(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
  }

  @Test
  void korea_mall_example_reads_as_438_million_https_requests_and_20480_gb() throws Exception {
    TrafficProfile p = TrafficProfileReader.read(Path.of("examples/profiles/korea-mall.yaml"));
    RegionTraffic ap = p.regions().get(PricingRegion.AP);
    assertEquals(1, p.regions().size());
    assertAmount("438000000", ap.requests()); // 600,000/h × 730 h
    assertAmount("438000000", ap.httpsRequests());
    assertAmount("20480", ap.dataOutGb()); // 20 × 1,024
    assertAmount("438000000", p.functionInvocations());
    assertEquals(PriceClass.ALL, p.priceClass());
    assertEquals(FreeTierUse.ACCOUNT, p.freeTier());
  }

  @Test
  void defaults_are_730_hours_class_all_account_free_tier_and_all_https() {
    TrafficProfile p = parse("regions: { us: { requests: 10 } }");
    assertAmount("730", p.hours());
    assertEquals("p", p.name()); // named after p.yaml
    assertEquals(PriceClass.ALL, p.priceClass());
    assertEquals(FreeTierUse.ACCOUNT, p.freeTier());
    assertAmount("1", p.regions().get(PricingRegion.US).httpsShare());
    assertAmount("0", p.functionInvocations());
  }

  @Test
  void requests_per_hour_use_the_profiles_own_month_length() {
    TrafficProfile p = parse("hours: 720\nregions: { eu: { requests_per_hour: 1000 } }");
    assertAmount("720000", p.regions().get(PricingRegion.EU).requests()); // 1,000 × 720
  }

  @ParameterizedTest
  @CsvSource({"20 TB, 20480", "512 GB, 512", "512, 512", "1.5 tb, 1536", "512 MB, 0.5", "1 PB, 1048576",
      "'1,024 GiB', 1024", "1073741824 B, 1"})
  void data_amounts_take_binary_units(String written, String gb) {
    TrafficProfile p = parse("regions: { us: { data_out: '" + written + "' } }");
    assertAmount(gb, p.regions().get(PricingRegion.US).dataOutGb());
  }

  @Test
  void numbers_are_read_as_written_not_as_yaml_1_1_octal_hex_or_base_60() {
    // YAML 1.1 reads 0123 as octal 83 and 1:30 as 90: a count the user never wrote
    TrafficProfile p = parse("regions: { us: { requests: 0123 }, eu: { requests: 10, https_share: 0.50, data_out: 1e3 } }");
    assertAmount("123", p.regions().get(PricingRegion.US).requests());
    assertAmount("1000", p.regions().get(PricingRegion.EU).dataOutGb());
    assertAmount("0.5", p.regions().get(PricingRegion.EU).httpsShare());
    for (String written : new String[] {"0x1F", "1:30", "0o17"}) {
      InvalidInputException e = refused("regions: { us: { requests: " + written + " } }");
      assertEquals("regions.us.requests", e.location(), e.getMessage());
      assertTrue(e.problem().contains(written), e.getMessage());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "regions: { us: { requests: '1,5' } }|regions.us.requests",
    "regions: { us: { requests: '1,00' } }|regions.us.requests",
    "regions: { us: { requests: '1,0,0' } }|regions.us.requests",
    "regions: { us: { requests: '1000,000' } }|regions.us.requests",
    "regions: { us: { requests: 1, data_out: '1,5 TB' } }|regions.us.data_out",
    "regions: { us: { requests: 1, https_share: '0,5' } }|regions.us.https_share",
  })
  void a_comma_that_does_not_group_thousands_is_refused_not_read_as_a_tenfold_number(String yaml, String field) {
    // 1,5 read as 15 (or 1,5 TB as 15 TB) would bill ten times the traffic
    InvalidInputException e = refused(yaml);
    assertEquals(field, e.location(), e.getMessage());
    assertTrue(e.problem().contains("a comma may only group thousands"), e.getMessage());
  }

  @Test
  void thousands_groups_and_decimals_read_as_written() {
    TrafficProfile p = parse("regions: { us: { requests: '12,345,678', data_out: '1,024.5 GB' }, eu: { requests: '999' } }");
    assertAmount("12345678", p.regions().get(PricingRegion.US).requests());
    assertAmount("1024.5", p.regions().get(PricingRegion.US).dataOutGb());
    assertAmount("999", p.regions().get(PricingRegion.EU).requests());
  }

  @Test
  void counts_may_be_grouped_with_commas_or_underscores() {
    TrafficProfile p = parse("regions: { us: { requests: '1,000,000' }, eu: { requests: 2_000 } }");
    assertAmount("1000000", p.regions().get(PricingRegion.US).requests());
    assertAmount("2000", p.regions().get(PricingRegion.EU).requests());
  }

  @Test
  void region_shares_split_the_total() {
    TrafficProfile p = parse("""
        total: { requests: 1000, data_out: 10 TB, https_share: 0.5 }
        regions: { us: { share: 0.75 }, jp: { share: 0.25, https_share: 1 } }
        """);
    assertAmount("750", p.regions().get(PricingRegion.US).requests()); // 1,000 × 0.75
    assertAmount("7680", p.regions().get(PricingRegion.US).dataOutGb()); // 10,240 × 0.75
    assertAmount("375", p.regions().get(PricingRegion.US).httpsRequests()); // 750 × 0.5
    assertAmount("250", p.regions().get(PricingRegion.JP).httpsRequests()); // 250 × 1
  }

  @Test
  void the_multi_region_example_reads() throws Exception {
    TrafficProfile p = TrafficProfileReader.read(Path.of("examples/profiles/saas-multi-region.yaml"));
    assertEquals(4, p.regions().size());
    assertAmount("150000000", p.regions().get(PricingRegion.US).requests()); // 300 M × 0.5
    assertAmount("30000000", p.originShield().requests());
  }

  @Test
  void json_reads_the_same_schema() {
    TrafficProfile p = TrafficProfileReader.parse("p.json",
        "{\"regions\": {\"ap\": {\"requests_per_hour\": 600000, \"data_out\": \"20 TB\"}},"
            + " \"functions\": {\"viewer_request\": 1.0}}");
    assertAmount("438000000", p.functionInvocations());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      regions: { xx: { requests: 1 } }                            | regions.xx | unknown pricing region
      regions: { us: { requests: 1, colour: red } }              | regions.us.colour | unknown key
      nmae: x                                                    | nmae | unknown key
      regions: { us: { requests: -5 } }                          | regions.us.requests | must not be negative
      regions: { us: { requests: lots } }                        | regions.us.requests | must be a number
      regions: { us: { requests: 5 GB } }                        | regions.us.requests | without a unit
      regions: { us: { data_out: 20 XB } }                       | regions.us.data_out | unknown unit 'XB'
      regions: { us: { data_out: '-20 TB' } }                    | regions.us.data_out | must not be negative
      regions: { us: { data_out: twenty } }                      | regions.us.data_out | data amount
      regions: { us: { https_share: 1.5 } }                      | regions.us.https_share | between 0 and 1
      regions: {}                                                | regions | lists no region
      name: x                                                    | regions | is missing
      hours: 0 ~ regions: { us: { requests: 1 } }                 | hours | greater than 0
      price_class: 300 ~ regions: { us: { requests: 1 } }         | price_class | unknown price class
      free_tier: some ~ regions: { us: { requests: 1 } }          | free_tier | unknown free tier use
      functions: { viewer_requests: 1 } ~ regions: { us: {} }     | functions.viewer_requests | unknown key
      regions: { us: { requests: 1, requests_per_hour: 1 } }     | regions.us.requests_per_hour | not both
      lambda_edge: { memory_mb: 0 } ~ regions: { us: {} }         | lambda_edge.memory_mb | between 128 and 10240
      origin_shield: { requests: 5 } ~ regions: { us: {} }        | origin_shield.region | is missing
      total: { requests: 10 } ~ regions: { us: { share: 0.5 }, eu: { share: 0.4 } } | regions | sum to 0.9, not 1
      total: { requests: 10 } ~ regions: { us: { share: 0.5 }, eu: { requests: 5 } } | regions | every region a share
      total: { requests: 10 } ~ regions: { us: { share: 1, requests: 3 } } | regions.us.requests | not allowed with a share
      regions: { us: { share: 1 } }                              | total | is missing
      regions: [us, eu]                                          | regions | must be a map
      origin_shield: { region: us-east-1, requests: 11 } ~ regions: { us: { requests: 10 } } | origin_shield.requests | more than the profile's viewer requests (11 > 10)
      realtime_log_lines: 11 ~ regions: { us: { requests: 4 }, eu: { requests: 6 } } | realtime_log_lines | more than the profile's viewer requests (11 > 10)
      field_level_encryption_requests: 8 ~ regions: { us: { requests: 10, https_share: 0.7 } } | field_level_encryption_requests | more than the profile's HTTPS requests (8 > 7)
      """)
  void invalid_profiles_are_refused_naming_the_file_and_field(String yaml, String field, String problem) {
    InvalidInputException e = refused(yaml.replace(" ~ ", "\n"));
    assertEquals("p.yaml", e.source());
    assertEquals(field, e.location(), e.getMessage());
    assertTrue(e.problem().contains(problem), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      regions: { us: { requests: 1.5 } }                          | regions.us.requests | whole number
      total: { requests: 10.5 } ~ regions: { us: { share: 1 } }    | total.requests | whole number
      invalidation_paths: 2.5 ~ regions: { us: {} }                | invalidation_paths | whole number
      realtime_log_lines: 0.1 ~ regions: { us: {} }                | realtime_log_lines | whole number
      field_level_encryption_requests: 7.5 ~ regions: { us: {} }   | field_level_encryption_requests | whole number
      dedicated_ip_certificates: 1.5 ~ regions: { us: {} }         | dedicated_ip_certificates | whole number
      origin_shield: { region: us-east-1, requests: 0.5 } ~ regions: { us: {} } | origin_shield.requests | whole number
      regions: { us: { requests: 1e400 } }                        | regions.us.requests | too large
      regions: { us: { requests: '2,000,000,000,000,000' } }      | regions.us.requests | too large
      regions: { us: { requests_per_hour: 1e14 } }                | regions.us.requests_per_hour | at most
      regions: { us: { data_out: 2000000000000 } }                | regions.us.data_out | too large
      regions: { us: { data_out: 100000000000000000 } }           | regions.us.data_out | (got 100000000000000000 GB; at most 1000000000000 GB)
      regions: { us: { data_out: 2 EB } }                         | regions.us.data_out | unknown unit
      regions: { us: { data_out: 1000000 PB } }                   | regions.us.data_out | (got 1048576000000 GB; at most 1000000000000 GB)
      regions: { us: { data_out: 1000000 PB } }                   | regions.us.data_out | too large
      lambda_edge: { memory_mb: 99999 } ~ regions: { us: {} }     | lambda_edge.memory_mb | between 128 and 10240
      lambda_edge: { memory_mb: 127 } ~ regions: { us: {} }       | lambda_edge.memory_mb | between 128 and 10240
      lambda_edge: { memory_mb: 200.5 } ~ regions: { us: {} }     | lambda_edge.memory_mb | whole number
      lambda_edge: { invocations_per_request: 1, duration_ms: 0.4 } ~ regions: { us: {} } | lambda_edge.duration_ms | at least 1
      hours: 1e-99999999 ~ regions: { us: { requests: 1 } }      | hours | more than 40 decimal places
      regions: { us: { requests: 1, data_out: 0.0000000000000000000000000000000000000000000001 TB } } | regions.us.data_out | more than 40 decimal places
      regions: { us: { requests: 1, https_share: 0.0000000000000000000000000000000000000000001 } } | regions.us.https_share | more than 40 decimal places
      """)
  void loose_or_absurd_values_are_refused_naming_the_field(String yaml, String field, String problem) {
    InvalidInputException e = refused(yaml.replace(" ~ ", "\n"));
    assertEquals("p.yaml", e.source());
    assertEquals(field, e.location(), e.getMessage());
    assertTrue(e.problem().contains(problem), e.getMessage());
  }

  @Test
  void per_request_charges_may_reach_the_requests_they_come_from() {
    TrafficProfile p = parse("regions: { us: { requests: 10, https_share: 0.7 } }\n"
        + "origin_shield: { region: us-east-1, requests: 10 }\nrealtime_log_lines: 10\nfield_level_encryption_requests: 7\n");
    assertAmount("10", p.originShield().requests());
    assertAmount("10", p.realtimeLogLines());
    assertAmount("7", p.fieldLevelEncryptionRequests());
  }

  @Test
  void counts_derived_from_an_hourly_rate_may_be_fractional() {
    TrafficProfile p = TrafficProfileReader.parse("p.yaml", "regions: { us: { requests_per_hour: 0.5 } }");
    assertAmount("365", p.regions().get(PricingRegion.US).requests()); // 0.5 × 730 hours
    TrafficProfile q = TrafficProfileReader.parse("p.yaml", "hours: 3 ~ regions: { us: { requests_per_hour: 0.5 } }"
        .replace(" ~ ", "\n"));
    assertAmount("1.5", q.regions().get(PricingRegion.US).requests()); // 0.5 × 3 hours
  }

  @Test
  void keyvaluestore_api_calls_are_a_monthly_count() {
    TrafficProfile p = TrafficProfileReader.parse("p.yaml", "kvs_api_calls: 3,500\nregions: { us: { requests: 1 } }");
    assertAmount("3500", p.kvsApiCalls());
    InvalidInputException e = refused("kvs_api_calls: 2.5\nregions: { us: { requests: 1 } }");
    assertEquals("kvs_api_calls", e.location(), e.getMessage());
  }

  @Test
  void no_lambda_edge_invocations_may_be_spelled_out_with_a_zero_duration() {
    TrafficProfile p = TrafficProfileReader.parse("p.yaml",
        "lambda_edge: { invocations_per_request: 0, duration_ms: 0 }\nregions: { us: { requests: 1 } }");
    assertAmount("0", p.lambdaEdge().durationMs());
  }

  @Test
  void lambda_edge_memory_at_the_origin_trigger_maximum_is_accepted() {
    TrafficProfile p = TrafficProfileReader.parse("p.yaml",
        "lambda_edge: { memory_mb: 10240 }\nregions: { us: { requests: 1 } }");
    assertAmount("10240", p.lambdaEdge().memoryMb());
  }

  @Test
  void malformed_yaml_is_refused_with_its_line() {
    InvalidInputException e = refused("regions:\n  us: {requests: 1\n");
    assertEquals("p.yaml", e.source());
    assertTrue(e.location().startsWith("line "), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({".nan", ".inf", "-.inf"})
  void not_a_number_and_infinity_are_refused(String value) {
    InvalidInputException e = refused("regions: { us: { requests: " + value + " } }");
    assertEquals("p.yaml", e.source());
    assertEquals("regions.us.requests", e.location(), e.getMessage());
    assertTrue(e.problem().contains(value), e.getMessage());
  }

  @Test
  void a_key_given_twice_is_refused() {
    InvalidInputException e = refused("regions: { us: { requests: 1 } }\nregions: { eu: { requests: 1 } }\n");
    assertEquals("not valid YAML: the field 'regions' appears twice", e.problem());
  }

  @Test
  void an_empty_file_is_refused() {
    assertEquals("is empty", refused("").problem());
  }

  @Test
  void a_json_tree_parsed_elsewhere_reads_as_the_same_profile_as_its_text() throws Exception {
    String json = Files.readString(Path.of("bench/korea-mall.json"));
    JsonNode tree = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(json);
    assertEquals(TrafficProfileReader.parse("request body", json), TrafficProfileReader.parse("request body", tree));
  }

  @Test
  void a_json_tree_with_a_stray_key_is_refused_naming_source_and_key() throws Exception {
    JsonNode tree =
        new ObjectMapper().readTree("{\"regions\": {}, \"colour\": 1}");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> TrafficProfileReader.parse("request body", tree));
    assertEquals("request body", e.source());
    assertEquals("colour", e.location());
  }

  @Test
  void region_shares_may_miss_1_by_the_tolerance_of_a_millionth() {
    // 0.333333 + 0.333333 + 0.333333 = 0.999999: 1 − 0.000001, at the tolerance
    TrafficProfile p = parse("""
        total: { requests: 1000000 }
        regions: { us: { share: 0.333333 }, eu: { share: 0.333333 }, jp: { share: 0.333333 } }
        """);
    assertAmount("333333", p.regions().get(PricingRegion.US).requests()); // 1,000,000 × 0.333333
    InvalidInputException e = refused("""
        total: { requests: 1000000 }
        regions: { us: { share: 0.333333 }, eu: { share: 0.333333 }, jp: { share: 0.333332 } }
        """); // 0.999998: two millionths short
    assertEquals("regions", e.location(), e.getMessage());
    assertTrue(e.problem().contains("region shares sum to 0.999998, not 1"), e.getMessage());
  }

  @Test
  void requests_per_hour_may_reach_the_largest_count_exactly() {
    // 10^15 is the most requests a profile holds: 10^12 per hour × 1,000 hours
    TrafficProfile p = parse("hours: 1000\nregions: { us: { requests_per_hour: 1000000000000 } }");
    assertAmount("1000000000000000", p.regions().get(PricingRegion.US).requests());
    InvalidInputException e = refused("hours: 1000\nregions: { us: { requests_per_hour: 1000000000001 } }");
    assertEquals("regions.us.requests_per_hour", e.location(), e.getMessage());
  }

  @Test
  void a_count_may_be_the_largest_count_exactly() {
    assertAmount("1000000000000000", parse("regions: { us: { requests: 1000000000000000 } }")
        .regions().get(PricingRegion.US).requests()); // 10^15
    assertTrue(refused("regions: { us: { requests: 1000000000000001 } }").problem().contains("is too large"));
  }

  @Test
  void a_leading_comma_is_refused_with_the_comma_hint() {
    InvalidInputException e = refused("regions: { us: { requests: ',5' } }");
    assertTrue(e.problem().contains("a comma may only group thousands"), e.getMessage());
  }

  @Test
  void a_list_where_a_map_belongs_is_refused_as_not_a_map() {
    InvalidInputException e = refused("regions: [us, eu]");
    assertEquals("regions", e.location(), e.getMessage());
    assertTrue(e.problem().contains("must be a map"), e.getMessage());
    InvalidInputException inRegion = refused("regions: { us: [1] }");
    assertTrue(inRegion.problem().contains("must be a map"), inRegion.getMessage());
  }

  @Test
  void a_list_where_a_single_value_belongs_is_refused() {
    InvalidInputException e = refused("name: [a, b]\nregions: { us: { requests: 1 } }");
    assertEquals("name", e.location(), e.getMessage());
    assertTrue(e.problem().contains("must be a single value, not a list"), e.getMessage());
  }

  @Test
  void a_file_named_only_by_its_extension_keeps_the_whole_name() {
    // a name from the file drops the extension only when something comes before the dot
    assertEquals(".profile", TrafficProfileReader.parse("dir/.profile", "regions: { us: { requests: 1 } }").name());
    assertEquals("shop", TrafficProfileReader.parse("dir/shop.yaml", "regions: { us: { requests: 1 } }").name());
  }

  @Test
  void errors_about_a_read_profile_name_its_file() {
    assertEquals("p.yaml", parse("name: shop\nregions: { us: { requests: 1 } }").errorSource());
  }
}
