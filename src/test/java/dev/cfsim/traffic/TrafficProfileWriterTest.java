package dev.cfsim.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.pricing.FreeTierUse;
import dev.cfsim.pricing.PriceClass;
import dev.cfsim.pricing.PricingRegion;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficProfileWriterTest {

  private static TrafficProfile everyField() {
    return TrafficProfile.builder("all-fields")
        .hours(new BigDecimal("720"))
        .priceClass(PriceClass.PRICE_CLASS_200)
        .freeTier(FreeTierUse.NONE)
        .region(PricingRegion.AP, new RegionTraffic(new BigDecimal("1000000"), new BigDecimal("0.75"),
            new BigDecimal("20480"), new BigDecimal("12.5")))
        .region(PricingRegion.SA, new RegionTraffic(new BigDecimal("10"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO))
        .functions(new FunctionUsage(BigDecimal.ONE, new BigDecimal("0.5"), new BigDecimal("2")))
        .lambdaEdge(new LambdaEdgeUsage(new BigDecimal("0.1"), new BigDecimal("12"), new BigDecimal("256")))
        .originShield(new OriginShieldUsage("ap-northeast-2", new BigDecimal("5000")))
        .invalidationPaths(new BigDecimal("1500"))
        .realtimeLogLines(new BigDecimal("7"))
        .fieldLevelEncryptionRequests(new BigDecimal("8"))
        .dedicatedIpCertificates(BigDecimal.ONE)
        .build();
  }

  @Test
  void yaml_written_reads_back_as_the_same_profile() {
    TrafficProfile p = everyField();
    TrafficProfile back = TrafficProfileReader.parse("out.yaml", TrafficProfileWriter.toYaml(p));
    assertEquals(TrafficProfileWriter.toMap(p), TrafficProfileWriter.toMap(back));
    assertEquals(0, back.regions().get(PricingRegion.AP).dataToOriginGb().compareTo(new BigDecimal("12.5")));
  }

  @Test
  void json_written_reads_back_as_the_same_profile() {
    TrafficProfile p = everyField();
    TrafficProfile back = TrafficProfileReader.parse("out.json", TrafficProfileWriter.toJson(p));
    assertEquals(TrafficProfileWriter.toMap(p), TrafficProfileWriter.toMap(back));
  }

  @Test
  void amounts_are_written_as_plain_numbers_without_exponents() {
    TrafficProfile p = TrafficProfile.builder("big")
        .region(PricingRegion.US, new RegionTraffic(new BigDecimal("4.38E+8"), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO))
        .build();
    String yaml = TrafficProfileWriter.toYaml(p);
    assertTrue(yaml.contains("requests: 438000000"), yaml);
  }

  /** Names YAML would read as numbers, booleans, nulls or something else if written plain. */
  private static final List<String> AWKWARD_NAMES = List.of(
      ".inf", "-.inf", "+.inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN", "1e3", "1E3", "1e+3", ".5", "0.5",
      "5.", "-0", "+1", "12", "0123", "0x1F", "0o17", "1_000", "1:30", "true", "False", "yes", "No", "on",
      "OFF", "y", "n", "null", "Null", "~", "", "- item", "#comment", "a #b", "a: b", "*alias", "&anchor",
      "!tag", "|", ">", "'quoted'", "\"dq\"", "%percent", "@at", "`tick", "[list]", "{map}", "?", ",",
      "---", "...", "tab\there", "back\\slash", "ünïcode", "2024-01-01");

  @Test
  void awkward_names_read_back_as_the_same_name() {
    for (String name : AWKWARD_NAMES) {
      TrafficProfile p = TrafficProfile.builder(name)
          .region(PricingRegion.US, new RegionTraffic(BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO))
          .build();
      String yaml = TrafficProfileWriter.toYaml(p);
      assertEquals(p.name(), TrafficProfileReader.parse("out.yaml", yaml).name(), yaml);
      assertEquals(p.name(), TrafficProfileReader.parse("out.json", TrafficProfileWriter.toJson(p)).name());
    }
  }

  @Test
  void ordinary_names_stay_unquoted() {
    for (String name : List.of("from-logs", "korea-mall", "shop 2024", "v1.2", "a_b", "日本")) {
      String yaml = TrafficProfileWriter.toYaml(TrafficProfile.builder(name)
          .region(PricingRegion.US, new RegionTraffic(BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO))
          .build());
      assertTrue(yaml.startsWith("name: " + name + "\n"), yaml);
    }
    assertTrue(TrafficProfileWriter.readsBackAsWritten("from-logs"));
    assertFalse(TrafficProfileWriter.readsBackAsWritten(".inf"));
    assertFalse(TrafficProfileWriter.readsBackAsWritten(" padded "));
  }
}
