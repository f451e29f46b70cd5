package dev.cfsim.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AsciiTest {
  private static final List<String> NAMES = List.of("host", "Host", "HOST", "hOST", "hosT", "h0st",
      "user-agent", "User-Agent", "", "x", "X", "\u212Aey", "key", "Key", "x\u0130d", "X\u0130d",
      "cloudfront-viewer-country", "CloudFront-Viewer-Country", "[host]", "@HOST", "hos", "hostt");

  @Test
  void lowers_to_agrees_with_lowering_first_for_every_pair() {
    for (String s : NAMES) {
      for (String folded : NAMES) {
        assertEquals(Ascii.lower(s).equals(folded), Ascii.lowersTo(s, folded), s + " / " + folded);
      }
    }
  }

  @Test
  void only_a_to_z_fold() {
    assertEquals("user-agent", Ascii.lower("User-Agent"));
    assertEquals("\u212Aey", Ascii.lower("\u212Aey")); // the Kelvin sign is not a K
    assertEquals("x\u0130d", Ascii.lower("X\u0130d"));
    assertEquals("[@]", Ascii.lower("[@]")); // the neighbours of A and Z stay
  }
}
