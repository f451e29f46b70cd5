package dev.cfsim.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class Ipv4AnswerCacheTest {

  @Test
  void a_canonical_dotted_quad_reads_as_the_address_the_jdk_parses() throws Exception {
    for (String ip : new String[] {"0.0.0.0", "1.2.3.4", "203.0.113.7", "255.255.255.255", "10.0.0.1"}) {
      long address = Ipv4AnswerCache.address(ip);
      assertEquals(InetAddress.getByName(ip), Ipv4AnswerCache.inetAddress((int) address), ip);
    }
  }

  @Test
  void anything_but_a_canonical_dotted_quad_is_left_to_the_general_parser() {
    for (String text : new String[] {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1..2.3",
        ".1.2.3", "1.2.3.", "1.2.3.4 ", "a.b.c.d", "2001:db8::1", "1.2.3.1000", "1234.1.1.1"}) {
      assertEquals(-1, Ipv4AnswerCache.address(text), text);
    }
  }

  @Test
  void an_address_gets_back_its_answer_and_a_colliding_one_replaces_it() {
    Ipv4AnswerCache<String> cache = new Ipv4AnswerCache<>(1); // 16 slots: collisions are certain
    for (int a = 0; a < 100; a++) {
      cache.put(a, "answer " + a % 3);
      assertEquals("answer " + a % 3, cache.get(a));
    }
    int found = 0;
    for (int a = 0; a < 100; a++) {
      String got = cache.get(a);
      if (got != null) {
        assertEquals("answer " + a % 3, got); // never another address's answer
        found++;
      }
    }
    assertTrue(found <= 16, "at most one address per slot: " + found);
    assertNull(cache.get(100));
  }

  @Test
  void an_answer_for_a_network_holds_for_every_address_in_it_and_none_outside() {
    Ipv4AnswerCache<String> cache = new Ipv4AnswerCache<>(1);
    cache.put(address("10.1.2.3"), 8, "a /8");
    cache.put(address("172.16.5.9"), 20, "a /20");
    cache.put(address("192.0.2.77"), 24, "a /24");
    cache.put(address("198.51.100.6"), 30, "a /30");
    assertEquals("a /8", cache.get(address("10.0.0.0")));
    assertEquals("a /8", cache.get(address("10.255.255.255")));
    assertNull(cache.get(address("11.0.0.0")));
    assertNull(cache.get(address("9.255.255.255")));
    assertEquals("a /20", cache.get(address("172.16.0.0")));
    assertEquals("a /20", cache.get(address("172.16.15.255")));
    assertNull(cache.get(address("172.16.16.0")));
    assertNull(cache.get(address("172.15.255.255")));
    assertEquals("a /24", cache.get(address("192.0.2.0")));
    assertEquals("a /24", cache.get(address("192.0.2.255")));
    assertNull(cache.get(address("192.0.3.0")));
    // narrower than /24: kept for the address looked up only
    assertEquals("a /30", cache.get(address("198.51.100.6")));
    assertNull(cache.get(address("198.51.100.5")));
  }

  @Test
  void the_whole_address_space_can_be_one_network() {
    Ipv4AnswerCache<String> cache = new Ipv4AnswerCache<>(1);
    cache.put(address("128.0.0.1"), 0, "everywhere");
    assertEquals("everywhere", cache.get(address("0.0.0.0")));
    assertEquals("everywhere", cache.get(address("255.255.255.255")));
  }

  private static int address(String ip) {
    return (int) Ipv4AnswerCache.address(ip);
  }
}
