package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UrlEncodingTest {

  @Test
  void plus_signs_and_broken_escapes_stay_as_written() {
    assertEquals("a+b %zz 100%", UrlEncoding.decode("a+b%20%zz%20100%"));
  }

  @Test
  void escaped_utf8_bytes_become_characters() {
    assertEquals("서울", UrlEncoding.decode("%EC%84%9C%EC%9A%B8"));
  }

  @Test
  void a_user_agent_is_decoded_a_second_time_only_when_it_was_encoded_twice() {
    assertEquals("NetSuite/2019.2 (SuiteScript)", UrlEncoding.decodeUserAgent("NetSuite/2019.2%2520(SuiteScript)"));
    assertEquals("Bot/1.0 (+x%3Dy)", UrlEncoding.decodeUserAgent("Bot/1.0%20(+x%253Dy)"));
  }

  @Test
  void encoding_writes_what_cloudfront_writes_and_decoding_undoes_it() {
    String ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) \"q\" 100% {x}";
    String encoded = UrlEncoding.encode(ua);
    assertEquals(
        "Mozilla/5.0%20(iPhone;%20CPU%20iPhone%20OS%2017_1%20like%20Mac%20OS%20X)%20%22q%22%20100%25%20%7Bx%7D",
        encoded);
    assertEquals(ua, UrlEncoding.decode(encoded));
    assertEquals("%EC%84%9C", UrlEncoding.encode("서"));
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
