package dev.cfsim.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfsim.rules.RuleWarning;
import dev.cfsim.rules.RulesReader;
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
}
