package dev.cfsim.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfsim.rules.RuleWarning;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.CloudFrontHeader;
import dev.cfsim.viewer.HeaderSelection;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggedHeadersTest {

  @Test
  void a_rule_on_a_header_logs_do_not_keep_is_flagged_and_logged_or_cloudfront_headers_are_not() {
    var rules = RulesReader.parse("""
        rules:
          - id: lang
            when:
              any:
                - header: { Accept-Language: { contains: ko } }
                - not: { header: { accept-language: { present: true } } }
            pass: true
          - id: ok
            when: { header: { user-agent: { contains: x }, cloudfront-viewer-asn: { equals: "4766" } } }
            pass: true
        """, "r.yaml").rules();
    assertEquals(List.of(new RuleWarning("rules[0] (lang)",
            "tests header 'accept-language', which access logs do not record: in this replay it is always absent")),
        LoggedHeaders.warnings(rules));
  }

  @Test
  void a_cloudfront_header_no_log_records_or_the_replay_does_not_add_is_flagged() {
    var rules = RulesReader.parse("""
        rules:
          - id: tls
            when: { header: { cloudfront-viewer-ja3-fingerprint: { present: true } }, country: [KR] }
            pass: true
        """, "r.yaml").rules();
    assertEquals(List.of(
            new RuleWarning("rules", "read CloudFront-Viewer-Country, which the headers this replay adds (--headers)"
                + " leave out: the rules see it absent on every request, as they would if no policy on the cache"
                + " behavior added it"),
            new RuleWarning("rules", "read CloudFront-Viewer-JA3-Fingerprint, which access logs do not record:"
                + " in this replay it is always absent")),
        LoggedHeaders.warnings(rules, HeaderSelection.of(CloudFrontHeader.VIEWER_ASN)));
    assertEquals(1, LoggedHeaders.warnings(rules, HeaderSelection.all()).size(), "the fingerprint, whatever is added");
  }
}
