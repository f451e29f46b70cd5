package dev.cfsim.api;

import dev.cfsim.pricing.PriceBook;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/price-books[/{id}]}: which price books cfsim ships, and one as stored. */
final class PriceBookRoutes {
  private final PriceBookCatalog books;

  PriceBookRoutes(PriceBookCatalog books) {
    this.books = books;
  }

  void register(Javalin app) {
    app.get(CfsimApi.V1 + "/price-books", this::list);
    app.get(CfsimApi.V1 + "/price-books/{id}", this::one);
  }

  private void list(Context ctx) {
    QueryParameters.requireNone(ctx);
    List<Map<String, Object>> list =
        books.all().stream().map(this::summary).toList();
    ctx.json(Map.of("price_books", list));
  }

  private Map<String, Object> summary(PriceBook book) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", book.id());
    m.put("title", book.title());
    m.put("currency", book.currency());
    m.put("newest", book.id().equals(books.newestId()));
    return m;
  }

  private void one(Context ctx) {
    QueryParameters.requireNone(ctx);
    String id = ctx.pathParam("id");
    byte[] stored =
        books.stored(id).orElseThrow(() -> ProblemException.notFound(
            "no shipped price book '" + id + "' (GET /api/v1/price-books lists them)"));
    ctx.contentType("application/json").result(stored);
  }
}
