package dev.cfsim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfsim.viewer.CloudFrontHeader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CloudFront headers a rules file reads: what the cache behavior's policy must add. */
class RuleSetHeadersTest {

  private static Set<CloudFrontHeader> read(String yaml) {
    return RulesReader.parse(yaml, "rules.yaml").rules().cloudFrontHeaders();
  }

  @Test
  void country_region_and_device_conditions_read_their_headers_wherever_they_sit() {
    assertEquals(Set.of(CloudFrontHeader.VIEWER_COUNTRY, CloudFrontHeader.VIEWER_COUNTRY_REGION,
            CloudFrontHeader.IS_SMARTTV_VIEWER, CloudFrontHeader.IS_IOS_VIEWER),
        read("rules:\n"
            + "  - id: a\n    when: { country_region: [US-CA] }\n    pass: true\n"
            // under not and any: the header is read all the same
            + "  - id: b\n    when: { not: { any: [ { device: smarttv }, { device: ios } ] } }\n    pass: true\n"));
  }

  @Test
  void a_header_condition_reads_a_cloudfront_header_by_name_in_any_case_and_no_other_header() {
    assertEquals(Set.of(CloudFrontHeader.VIEWER_ASN, CloudFrontHeader.VIEWER_JA3_FINGERPRINT),
        read("rules:\n  - id: a\n    when:\n      header:\n        CloudFront-Viewer-ASN: { equals: \"16509\" }\n"
            + "        cloudfront-viewer-ja3-fingerprint: { present: true }\n"
            + "        user-agent: { contains: bot }\n        x-cloudfront-viewer-country: { present: true }\n"
            + "    pass: true\n"));
  }

  @Test
  void rules_on_path_host_method_cookie_or_query_need_no_policy_header() {
    assertEquals(Set.of(), read("rules:\n  - id: a\n    when: { path_prefix: /a, host: x.example, method: [GET],"
        + " cookie: { s: { present: true } }, query: { q: { equals: \"1\" } } }\n    pass: true\n"));
  }

  @Test
  void the_shop_rules_read_the_viewer_country_and_the_mobile_and_tablet_headers_in_that_order() throws Exception {
    assertEquals(List.of("CloudFront-Viewer-Country", "CloudFront-Is-Mobile-Viewer", "CloudFront-Is-Tablet-Viewer"),
        RulesReader.read(java.nio.file.Path.of("examples/rules/shop.yaml")).rules().cloudFrontHeaders().stream()
            .map(CloudFrontHeader::documentedName).toList());
  }
}
