package dev.cfsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cfsim.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The bounds of a rate, at their edges (RenderersTest covers what lies well outside them). */
class ConversionTest {
  private static final String RULE = "must be a positive number below 10^12, at most 12 decimals";

  @Test
  void a_rate_with_twelve_whole_digits_or_twelve_decimals_is_accepted() {
    assertEquals(new BigDecimal("999999999999"), Conversion.rate("999999999999")); // just below 10^12
    assertEquals(new BigDecimal("0.000000000001"), Conversion.rate("0.000000000001")); // 12 decimals
    assertEquals(new BigDecimal("999999999999"), new Conversion("KRW", new BigDecimal("999999999999")).rate());
  }

  @Test
  void rate_text_of_forty_characters_is_read() {
    assertEquals(0, new BigDecimal("1400").compareTo(Conversion.rate("0".repeat(36) + "1400"))); // 40 characters
  }

  @Test
  void a_refused_rate_is_quoted_in_full_up_to_forty_characters() {
    String forty = "1234567890123456789012345678901234567890"; // read, then refused: 40 whole digits
    assertEquals(RULE + " (got " + forty + ")",
        assertThrows(InvalidInputException.class, () -> Conversion.rate(forty)).problem());
  }

  @Test
  void longer_rate_text_is_refused_unread_and_quoted_cut_short() {
    String fortyOne = "12345678901234567890123456789012345678901"; // 41 characters
    assertEquals(RULE + " (got '1234567890123456789012345678901234567...')", // its first 37 characters
        assertThrows(InvalidInputException.class, () -> Conversion.rate(fortyOne)).problem());
  }
}
