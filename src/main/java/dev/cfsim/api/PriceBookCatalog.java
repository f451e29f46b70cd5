package dev.cfsim.api;

import dev.cfsim.pricing.PriceBook;
import dev.cfsim.pricing.PriceBooks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The price books shipped in the jar, read once at start-up: an API request must not parse a
 * price book, and an id from a URL must never reach the classpath unchecked.
 */
final class PriceBookCatalog {
  private final Map<String, PriceBook> books = new LinkedHashMap<>();
  private final Map<String, byte[]> stored = new LinkedHashMap<>();
  private final String newestId;

  private PriceBookCatalog() {
    List<String> ids = PriceBooks.shippedIds();
    if (ids.isEmpty()) {
      throw new IllegalStateException("no price book is shipped in pricing/");
    }
    for (String id : ids) {
      byte[] bytes = PriceBooks.shippedBytes(id);
      books.put(id, PriceBooks.parseShipped(id, bytes));
      stored.put(id, bytes);
    }
    newestId = ids.get(ids.size() - 1);
  }

  static PriceBookCatalog shipped() {
    return new PriceBookCatalog();
  }

  /** The book estimates use when the caller names none. */
  PriceBook newest() {
    return books.get(newestId);
  }

  String newestId() {
    return newestId;
  }

  /**
   * The book a {@code price_book} query parameter names: the newest when absent, a 400 naming
   * the parameter when no shipped book has that id.
   */
  PriceBook forParameter(String id) {
    if (id == null) {
      return newest();
    }
    return find(id).orElseThrow(() -> ProblemException.badParameter("price_book",
        "no shipped price book '" + id + "' (GET /api/v1/price-books lists them)"));
  }

  Optional<PriceBook> find(String id) {
    return Optional.ofNullable(books.get(id));
  }

  /** The book's file exactly as shipped (sources and dates included). */
  Optional<byte[]> stored(String id) {
    return Optional.ofNullable(stored.get(id));
  }

  /** Every shipped book, oldest first. */
  List<PriceBook> all() {
    return List.copyOf(books.values());
  }
}
