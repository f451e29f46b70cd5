package dev.cfsim.pricing;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whole numbers with thousands separators, exactly as {@code String.format("%,d", n)} writes
 * them, remembered: every estimate states the same few counts (free tier allowances, hours in a
 * month), and a {@link java.util.Formatter} builds the locale's number symbols afresh on each
 * call, which made the assumptions the dearest part of pricing. Bounded, so user-chosen values
 * cannot grow it without limit; past the bound numbers are simply formatted each time.
 */
final class Counts {
  private static final int MAX_REMEMBERED = 4096;
  private static final Map<Key, String> REMEMBERED = new ConcurrentHashMap<>();

  private Counts() {}

  /** {@code String.format("%,d", value)} in the default format locale. */
  static String grouped(BigInteger value) {
    Key key = new Key(Locale.getDefault(Locale.Category.FORMAT), value);
    String text = REMEMBERED.get(key);
    if (text == null) {
      text = String.format(key.locale(), "%,d", value);
      if (REMEMBERED.size() < MAX_REMEMBERED) {
        REMEMBERED.put(key, text);
      }
    }
    return text;
  }

  private record Key(Locale locale, BigInteger value) {}
}
