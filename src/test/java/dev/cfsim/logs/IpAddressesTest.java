package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte reader of dotted quads agrees with the String check, on every kind of near miss. */
class IpAddressesTest {

  /** The expected address: the String check's verdict, the parts read by splitting on dots. */
  private static long expected(String s) {
    if (!IpAddresses.isIpv4(s, 0, s.length())) {
      return -1;
    }
    long address = 0;
    for (String part : s.split("\\.")) {
      address = address << 8 | Integer.parseInt(part);
    }
    return address;
  }

  private static void assertAgrees(String s) {
    byte[] bytes = ("\t" + s + "\t").getBytes(StandardCharsets.ISO_8859_1); // read from inside a line
    assertEquals(expected(s), IpAddresses.ipv4(bytes, 1, bytes.length - 1), s);
  }

  @Test
  void edge_cases_read_as_the_string_check_judges_them() {
    for (String s : List.of("0.0.0.0", "255.255.255.255", "192.0.2.1", "1.2.3.4", "10.200.30.4",
        "256.1.1.1", "1.1.1.256", "01.2.3.4", "1.2.3.04", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3.4",
        "1.2.3.4.", "1.2.3.", "1234.1.1.1", "1.1.1.1234", "1.2.3.4x", "x1.2.3.4", "1.2.3.-4", "1.2.3.4 ",
        "999.999.999.999", "100.100.100.100", "1.2.3.4.", "12.34.56", "", "1", "1.2.3.4\u00e9", "::1",
        "1.2.3.000", "1.2.3.0", "0.00.0.0")) {
      assertAgrees(s);
    }
  }

  @Test
  void random_near_quads_read_as_the_string_check_judges_them() {
    SplittableRandom random = new SplittableRandom(7);
    String alphabet = "0123456789........0x ";
    for (int n = 0; n < 300_000; n++) {
      StringBuilder s = new StringBuilder();
      if (random.nextInt(3) == 0) { // mostly valid quads, sometimes a digit too many or a zero in front
        for (int part = 0; part < 4; part++) {
          s.append(part == 0 ? "" : ".").append(random.nextInt(random.nextBoolean() ? 10 : 300));
          if (random.nextInt(20) == 0) {
            s.append(random.nextInt(10));
          }
        }
      } else {
        int length = random.nextInt(18);
        for (int i = 0; i < length; i++) {
          s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      assertAgrees(s.toString());
    }
  }
}
