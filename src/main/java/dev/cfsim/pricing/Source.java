package dev.cfsim.pricing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a price book figure comes from, so every number can be checked against AWS.
 *
 * @param url the page or file the figure was read from
 * @param read the date it was read
 * @param note how it was read or cross-checked; may be empty
 */
public record Source(String url, LocalDate read, String note) {
  public Source {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(read, "read");
    note = note == null ? "" : note;
  }
}
