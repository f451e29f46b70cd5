package dev.cfsim.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CountsTest {
  private static final AtomicLong UNSEEN = new AtomicLong(987_654_321_012_345L);

  @Test
  void groupsThousandsWithCommasInEnglish() {
    Locale before = Locale.getDefault(Locale.Category.FORMAT);
    try {
      Locale.setDefault(Locale.Category.FORMAT, Locale.ENGLISH);
      assertEquals("1,024", Counts.grouped(BigInteger.valueOf(1024)));
      assertEquals("10,000,000", Counts.grouped(BigInteger.valueOf(10_000_000)));
      assertEquals("730", Counts.grouped(BigInteger.valueOf(730)));
      assertEquals("0", Counts.grouped(BigInteger.ZERO));
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, before);
    }
  }

  @Test
  void followsTheDefaultLocaleAsStringFormatDoesEvenAfterItChanges() {
    Locale before = Locale.getDefault(Locale.Category.FORMAT);
    try {
      Locale.setDefault(Locale.Category.FORMAT, Locale.ENGLISH);
      Counts.grouped(BigInteger.valueOf(2_000_000)); // remembered for English
      Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
      assertEquals("2.000.000", Counts.grouped(BigInteger.valueOf(2_000_000)));
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, before);
    }
  }

  @Test
  void aNumberNotSeenBeforeIsFormattedOnFirstUse() {
    Locale before = Locale.getDefault(Locale.Category.FORMAT);
    try {
      Locale.setDefault(Locale.Category.FORMAT, Locale.ENGLISH);
      // a value drawn afresh on every run, so it cannot already be remembered
      long value = UNSEEN.incrementAndGet();
      assertEquals(String.format(Locale.ENGLISH, "%,d", value), Counts.grouped(BigInteger.valueOf(value)));
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, before);
    }
  }
}
