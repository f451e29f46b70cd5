package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UrlDecodingTest {

  @Test
  void plus_signs_and_broken_escapes_stay_as_written() {
    assertEquals("a+b %zz 100%", UrlDecoding.decode("a+b%20%zz%20100%"));
  }

  @Test
  void escaped_utf8_bytes_become_characters() {
    assertEquals("서울", UrlDecoding.decode("%EC%84%9C%EC%9A%B8"));
  }

  @Test
  void a_user_agent_is_decoded_a_second_time_only_when_it_was_encoded_twice() {
    assertEquals("NetSuite/2019.2 (SuiteScript)", UrlDecoding.decodeUserAgent("NetSuite/2019.2%2520(SuiteScript)"));
    assertEquals("Bot/1.0 (+x%3Dy)", UrlDecoding.decodeUserAgent("Bot/1.0%20(+x%253Dy)"));
  }

  @Test
  void ip_syntax_is_checked_without_any_lookup() {
    for (String ok : new String[] {"192.0.2.1", "0.0.0.0", "::", "::1", "2001:db8::1f",
        "2a02:cf40:0:0:0:0:0:1", "::ffff:192.0.2.1", "fe80::1:2"}) {
      assertTrue(IpAddresses.isValid(ok), ok);
    }
    for (String bad : new String[] {"300.1.2.3", "1.2.3", "1.2.3.4.5", "01.2.3.4", "localhost",
        "1:2:3", "2001:db8:::1", "::1::", "", "1.2.3.4 "}) {
      assertFalse(IpAddresses.isValid(bad), bad);
    }
  }
}
